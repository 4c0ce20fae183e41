import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { UserRasterInfo } from '../../core/engine/user-raster-info';
import {
  DEFAULT_UNITS,
  implausibleAs,
  takesUnit,
  unitFactor,
  unitTokens,
} from '../../core/raster/user-units';
import { USER_LAYER_ROLES } from '../../core/session/saved-user-layers';
import type { UserLayer } from '../../core/session/types';
import { useAppState } from '../../state/use-app-state';
import { formatNumber } from '../common/format';
import {
  addUserRaster,
  chooseBand,
  closeUserRaster,
  openUserRasterFile,
  openUserRasterUrl,
  userRasterDialog,
} from './user-raster-flow';
import './user-raster.css';

function digitsFor(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || magnitude >= 100) return 0;
  if (magnitude >= 1) return 2;
  return Math.min(8, 2 - Math.floor(Math.log10(magnitude)));
}

/** What the dialog shows of a raster: CRS, cell size, extent, value range, nodata, bands. */
function RasterFacts(props: { info: UserRasterInfo }) {
  const { info } = props;
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const n = (value: number) => formatNumber(value, language, digitsFor(value));
  const unit = info.cellUnit === 'degrees' ? '°' : ' m';
  // Coordinates: 5 decimals of a degree (about 1 m), whole metres otherwise.
  const e = (value: number) =>
    formatNumber(value, language, info.cellUnit === 'degrees' ? 5 : value % 1 === 0 ? 0 : 2);
  return (
    <dl className="user-raster-facts" data-testid="user-raster-facts">
      <dt>{t('userRasters.crs')}</dt>
      <dd data-testid="user-raster-crs">{info.crs}</dd>
      <dt>{t('userRasters.cellSize')}</dt>
      <dd>
        {info.cellWidth === info.cellHeight
          ? `${n(info.cellWidth)}${unit}`
          : `${n(info.cellWidth)}${unit} × ${n(info.cellHeight)}${unit}`}
        {` (${info.width} × ${info.height})`}
      </dd>
      <dt>{t('userRasters.extent')}</dt>
      <dd>
        {`x ${e(info.extent[0])} – ${e(info.extent[2])}; y ${e(info.extent[1])} – ${e(info.extent[3])}`}
      </dd>
      <dt>{t('userRasters.values')}</dt>
      <dd data-testid="user-raster-range">
        {info.valueRange
          ? `${n(info.valueRange[0])} – ${n(info.valueRange[1])}`
          : t('userRasters.noValues')}
      </dd>
      <dt>{t('userRasters.nodata')}</dt>
      <dd>{info.nodata === null ? t('userRasters.none') : String(info.nodata)}</dd>
      <dt>{t('userRasters.bands')}</dt>
      <dd>{info.bands}</dd>
    </dl>
  );
}

/** The notice `implausible` for the chosen role and unit, from the sampled values. */
function implausibleText(
  info: UserRasterInfo,
  role: UserLayer['role'],
  unit: string | null,
): { looksLike: string; median: number } | null {
  if (!takesUnit(role) || info.median === null || !info.valueRange) return null;
  const factor = unitFactor(role, unit ?? DEFAULT_UNITS[role]) ?? 1;
  const looksLike = implausibleAs(role, info.median * factor, info.valueRange[1] * factor);
  return looksLike ? { looksLike, median: Number((info.median * factor).toPrecision(4)) } : null;
}

function RasterForm(props: { info: UserRasterInfo }) {
  const { info } = props;
  const { t } = useTranslation();
  const dialog = useStore(userRasterDialog);
  const [role, setRole] = useState<UserLayer['role']>(dialog.suggestion?.role ?? 'carbon-stock');
  const [unit, setUnit] = useState<string | null>(
    dialog.suggestion?.unit ?? (takesUnit(role) ? DEFAULT_UNITS[role] : null),
  );
  const [band, setBand] = useState<number>(1);
  const id = useId();
  const units = unitTokens(role);
  const implausible = implausibleText(info, role, unit);
  const busy = dialog.phase === 'adding' || dialog.phase === 'reading';
  const unitLabel = (token: string) => t(`userRasters.units.${token.replace('/', '_')}`, token);
  return (
    <form
      className="user-raster-form"
      onSubmit={(event) => {
        event.preventDefault();
        void addUserRaster({
          role,
          unit: takesUnit(role) ? unit : null,
          band: info.bands > 1 ? band : null,
        });
      }}
    >
      <RasterFacts info={info} />
      <div className="user-raster-field">
        <label htmlFor={`${id}-role`}>{t('userRasters.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => {
            const next = event.target.value as UserLayer['role'];
            setRole(next);
            setUnit(takesUnit(next) ? DEFAULT_UNITS[next] : null);
          }}
        >
          {USER_LAYER_ROLES.map((each) => (
            <option key={each} value={each}>
              {t(`userRasters.roles.${each}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="user-raster-field">
        <label htmlFor={`${id}-unit`}>{t('userRasters.unit')}</label>
        <select
          id={`${id}-unit`}
          value={unit ?? ''}
          disabled={units.length === 0}
          onChange={(event) => setUnit(event.target.value)}
        >
          {units.length === 0 ? (
            <option value="">{t('userRasters.classesNoUnit')}</option>
          ) : (
            units.map((token) => (
              <option key={token} value={token}>
                {unitLabel(token)}
              </option>
            ))
          )}
        </select>
      </div>
      {info.bands > 1 && (
        <div className="user-raster-field">
          <label htmlFor={`${id}-band`}>{t('userRasters.band')}</label>
          <select
            id={`${id}-band`}
            value={band}
            onChange={(event) => {
              const next = Number(event.target.value);
              setBand(next);
              void chooseBand(next);
            }}
          >
            {Array.from({ length: info.bands }, (_, i) => i + 1).map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
        </div>
      )}
      {implausible && (
        <p className="user-raster-notice" role="status" data-testid="user-raster-implausible">
          {t('userRasters.implausible', {
            looksLike: implausible.looksLike,
            unit: unit ?? '',
            median: implausible.median,
          })}
        </p>
      )}
      {dialog.error && (
        <p
          className="user-raster-error"
          role="alert"
          data-testid="user-raster-error"
          data-kind={dialog.error.kind}
        >
          {t(dialog.error.code, { id: role, ...dialog.error.params })}
        </p>
      )}
      <div className="user-raster-actions">
        <button type="button" onClick={closeUserRaster}>
          {t('userRasters.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('userRasters.add')}
        </button>
      </div>
    </form>
  );
}

function StartForm() {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="user-raster-start">
      <p>{t('userRasters.startHint')}</p>
      <form
        className="user-raster-field"
        onSubmit={(event) => {
          event.preventDefault();
          if (url.trim()) void openUserRasterUrl(url);
        }}
      >
        <label htmlFor={`${id}-url`}>{t('userRasters.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          placeholder="https://…/soc.tif"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit">{t('userRasters.read')}</button>
      </form>
      <div className="user-raster-actions">
        <button type="button" onClick={() => input.current?.click()}>
          {t('userRasters.chooseFile')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".tif,.tiff"
          className="visually-hidden"
          data-testid="user-raster-input"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void openUserRasterFile(file);
          }}
        />
        <button type="button" onClick={closeUserRaster}>
          {t('userRasters.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * The "add your own raster" dialog (DESIGN.md 8.2): a modal `<dialog>` named by its heading; Esc
 * or Cancel closes it and the focus goes back to where it was.
 */
export function UserRasterDialog() {
  const { t } = useTranslation();
  const state = useStore(userRasterDialog);
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const titleId = useId();
  const open = state.phase !== 'closed';
  const shown = useRef(0);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
    if (open) shown.current = state.opening;
  }, [open, state.opening]);
  return (
    <dialog
      ref={ref}
      className="user-raster-dialog"
      aria-labelledby={titleId}
      data-testid="user-raster-dialog"
      onClose={() => {
        // Esc (or Close): unless a newer opening came before this event did.
        if (userRasterDialog.getState().opening === shown.current) closeUserRaster();
        const target = returnTo.current;
        returnTo.current = null;
        if (target instanceof HTMLElement && target.isConnected) target.focus();
      }}
    >
      <h2 id={titleId}>{t('userRasters.title')}</h2>
      {state.label && state.phase !== 'start' && (
        <p className="user-raster-label" title={state.label}>
          {state.label}
        </p>
      )}
      {state.phase === 'start' && <StartForm />}
      {state.phase === 'reading' && !state.info && <p role="status">{t('userRasters.reading')}</p>}
      {state.info &&
        (state.phase === 'ready' || state.phase === 'adding' || state.phase === 'reading') && (
          <RasterForm info={state.info} />
        )}
      {state.phase === 'failed' && state.error && (
        <>
          <p
            className="user-raster-error"
            role="alert"
            data-testid="user-raster-error"
            data-kind={state.error.kind}
          >
            {t(state.error.code, { id: '', ...state.error.params })}
          </p>
          <div className="user-raster-actions">
            <button type="button" onClick={closeUserRaster}>
              {t('userRasters.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
