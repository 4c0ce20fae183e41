import { drawState } from '../../map/draw-host';
import { store } from '../../state/store';
import { stepScene } from './scene-actions';

/** Inputs whose keys are the user's own typing (not checkboxes, buttons or sliders). */
const NOT_TYPING_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);
const TYPING_ROLES = new Set(['combobox', 'listbox', 'textbox', 'searchbox', 'spinbutton']);

/** True when the key goes to a text field, a select or a combobox (DESIGN.md 9: they come first). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPING_INPUTS.has(target.type);
  return TYPING_ROLES.has(target.getAttribute('role') ?? '');
}

/** True when the key would change a slider. */
function isSlider(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    ((target instanceof HTMLInputElement && target.type === 'range') ||
      target.getAttribute('role') === 'slider')
  );
}

/** An open dialog takes Esc first (DESIGN.md 9); the scenes list is not one that blocks P. */
function openDialog(): boolean {
  return document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"]') !== null;
}

/** Enters or leaves presentation mode. */
export function setPresenting(on: boolean): void {
  store.getState().setPresenting(on);
}

const FORWARD = new Set(['ArrowRight', 'PageDown']);
const BACK = new Set(['ArrowLeft', 'PageUp']);

/**
 * The workshop keys (DESIGN.md 9), listened to in the capture phase so the order of precedence
 * holds whatever else listens: a text field or combobox keeps its keys; P enters (and leaves)
 * presentation mode; Esc leaves it, unless a dialog is open or a shape is in progress (the drawing
 * tools cancel the shape first); the arrows, PageUp and PageDown step the scenes in presentation
 * mode, except the arrows on the focused map while drawing by keyboard (they move the crosshair).
 */
export function onWorkshopKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.repeat || isTypingTarget(event.target)) return;
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  const presenting = store.getState().presenting;
  if (plain && (event.key === 'p' || event.key === 'P')) {
    if (!presenting && document.querySelector('[aria-modal="true"], dialog[open]')) return;
    event.preventDefault();
    setPresenting(!presenting);
    return;
  }
  if (!presenting) return;
  if (event.key === 'Escape') {
    if (openDialog() || drawState.getState().shape !== null) return;
    setPresenting(false);
    return;
  }
  const forward = FORWARD.has(event.key);
  if (!plain || !(forward || BACK.has(event.key)) || isSlider(event.target)) return;
  const arrow = event.key.startsWith('Arrow');
  const drawingByKeyboard =
    drawState.getState().tool !== null && event.target instanceof HTMLCanvasElement;
  if (arrow && drawingByKeyboard) return;
  // Stepping, not panning: MapLibre's keyboard handler on the focused map does not see the key.
  event.preventDefault();
  event.stopPropagation();
  stepScene(forward ? 1 : -1);
}
