import type { ImportClient } from '../worker/import-client';

/** What a drop target reports: whether files hover over it, and what was dropped or pasted. */
export interface FileDropHooks {
  onDragChange: (active: boolean) => void;
  onFiles: (files: File[]) => void;
  /** Pasted text that looks like GeoJSON or WKT, while no text field has the focus. */
  onText: (text: string) => void;
}

const AREAS_TEXT = /^\s*(\{|\[|(SRID\s*=\s*\d+\s*;\s*)?(MULTI)?POLYGON\b|GEOMETRYCOLLECTION\b)/i;

/** Whether pasted text is worth handing to the parser (GeoJSON or polygon WKT at its start). */
export function looksLikeAreasText(text: string): boolean {
  return AREAS_TEXT.test(text);
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'color', 'radio', 'range', 'submit', 'file'].includes(target.type)
  );
}

/**
 * Takes files dropped anywhere on `target` (the app: the map and the panels over it) and pasted
 * GeoJSON/WKT text. A file dropped elsewhere in the window is caught too, so the browser never
 * opens it in place of the app. Returns a function that detaches the listeners.
 */
export function attachFileDrop(target: HTMLElement, hooks: FileDropHooks): () => void {
  let depth = 0;
  const onEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    if (depth === 1) hooks.onDragChange(true);
  };
  const onOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) hooks.onDragChange(false);
  };
  const onDrop = (event: DragEvent) => {
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    depth = 0;
    hooks.onDragChange(false);
    hooks.onFiles(files);
  };
  // Outside the target, a dropped file must not replace the app.
  const onWindowDrop = (event: DragEvent) => {
    if (carriesFiles(event)) event.preventDefault();
  };
  const onPaste = (event: ClipboardEvent) => {
    if (isTextField(event.target) || isTextField(document.activeElement)) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!looksLikeAreasText(text)) return;
    event.preventDefault();
    hooks.onText(text);
  };
  target.addEventListener('dragenter', onEnter);
  target.addEventListener('dragover', onOver);
  target.addEventListener('dragleave', onLeave);
  target.addEventListener('drop', onDrop);
  window.addEventListener('dragover', onWindowDrop);
  window.addEventListener('drop', onWindowDrop);
  document.addEventListener('paste', onPaste);
  return () => {
    target.removeEventListener('dragenter', onEnter);
    target.removeEventListener('dragover', onOver);
    target.removeEventListener('dragleave', onLeave);
    target.removeEventListener('drop', onDrop);
    window.removeEventListener('dragover', onWindowDrop);
    window.removeEventListener('drop', onWindowDrop);
    document.removeEventListener('paste', onPaste);
  };
}

let importClient: Promise<ImportClient> | null = null;

/**
 * The import worker's client, loaded on first use so the parser stays out of the start-up bundle;
 * one client for the app (it runs one import at a time and cancels by stopping its worker).
 */
export function loadImportClient(): Promise<ImportClient> {
  importClient ??= import('../worker/import-client').then((module) => module.createImportClient());
  return importClient;
}
