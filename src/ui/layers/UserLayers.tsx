import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { catalogueLayerFor } from '../../core/engine/user-layer-meta';
import type { Raster } from '../../core/raster/raster-source';
import type { AppError } from '../../core/result';
import type { UserLayer } from '../../core/session/types';
import {
  followUserRasterBytes,
  labelOf,
  USER_FILE_STORE_LIMIT,
  userRasterState,
} from '../../map/user-rasters';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import { formatNumber } from '../common/format';
import { startUserRaster } from '../import/user-raster-flow';
import { LayerOpacity } from './LayerOpacity';
import { Legend } from './Legend';

/** The catalogue entry the legend draws a user layer with: its role's palette and classes. */
function metaOf(layer: UserLayer) {
  const grid = { nodata: null, cellSize: layer.cellWidth } as unknown as Raster;
  return catalogueLayerFor(layer.role, grid, labelOf(layer));
}

function resolution(layer: UserLayer, language: 'nl' | 'en'): string {
  const digits = layer.cellUnit === 'degrees' ? 6 : layer.cellWidth < 10 ? 2 : 0;
  const unit = layer.cellUnit === 'degrees' ? '°' : ' m';
  const w = `${formatNumber(layer.cellWidth, language, digits)}${unit}`;
  return layer.cellWidth === layer.cellHeight
    ? w
    : `${w} × ${formatNumber(layer.cellHeight, language, digits)}${unit}`;
}

function UserLayerItem(props: { layer: UserLayer; missing: boolean; failed?: AppError }) {
  const { layer, missing, failed } = props;
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const title = t('userRasters.layerTitle', { role: t(`userRasters.roles.${layer.role}`) });
  const base = `layer-${layer.id}`;
  const update = (patch: Partial<Pick<UserLayer, 'visible' | 'opacity'>>) =>
    store.getState().updateUserLayer(layer.id, patch);
  return (
    <li
      className={layer.visible ? 'layer-item is-visible' : 'layer-item'}
      data-layer={layer.id}
      data-role={layer.role}
      data-testid="user-layer"
    >
      <div className="layer-row">
        <input
          id={`${base}-visible`}
          type="checkbox"
          checked={layer.visible}
          onChange={(event) => update({ visible: event.target.checked })}
        />
        <label htmlFor={`${base}-visible`} className="layer-title">
          {title}
        </label>
      </div>
      <div className="layer-opacity">
        <LayerOpacity
          id={`${base}-opacity`}
          title={title}
          opacity={layer.opacity}
          onChange={(opacity) => update({ opacity })}
        />
        <span className="layer-buttons">
          <button
            type="button"
            className="icon-button"
            aria-label={t('userRasters.remove', { title })}
            title={t('userRasters.remove', { title })}
            onClick={() => store.getState().removeUserLayer(layer.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      </div>
      {missing && (
        <div className="panel-status panel-error">
          <p role="alert">{t('userRasters.openAgain', { file: labelOf(layer) })}</p>
          <button type="button" onClick={startUserRaster}>
            {t('userRasters.openAgainButton')}
          </button>
        </div>
      )}
      {failed && (
        <p className="panel-status panel-error" role="alert" data-testid="user-layer-failed">
          {t(failed.code, { id: layer.role, file: labelOf(layer), ...failed.params })}
        </p>
      )}
      {layer.visible && !missing && <Legend layer={metaOf(layer)} />}
      <dl className="layer-info">
        <dt>{layer.source.kind === 'url' ? t('userRasters.urlLabel') : t('userRasters.file')}</dt>
        <dd className="user-layer-source">{labelOf(layer)}</dd>
        <dt>{t('userRasters.replaces')}</dt>
        <dd>{t('userRasters.replacesLayer', { role: t(`userRasters.roles.${layer.role}`) })}</dd>
        <dt>{t('userRasters.crs')}</dt>
        <dd>{layer.crs}</dd>
        <dt>{t('layers.resolution')}</dt>
        <dd>{resolution(layer, language)}</dd>
        {layer.unit && (
          <>
            <dt>{t('userRasters.unit')}</dt>
            <dd>{layer.unit}</dd>
          </>
        )}
        {layer.band !== null && (
          <>
            <dt>{t('userRasters.band')}</dt>
            <dd>{layer.band}</dd>
          </>
        )}
        {layer.source.kind === 'file' && !layer.source.stored && !missing && (
          <>
            <dt>{t('userRasters.kept')}</dt>
            <dd>
              {t('userRasters.notKept', {
                limit: formatNumber(USER_FILE_STORE_LIMIT / 1024 / 1024, language, 0),
              })}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}

/**
 * The user's own rasters in the layer panel (DESIGN.md 8.2): each with its role's legend, its
 * source, CRS and resolution, opacity and a remove button; and the button that adds one.
 */
export function UserLayers() {
  const { t } = useTranslation();
  const layers = useAppState((state) => state.userLayers);
  const missing = useStore(userRasterState, (state) => state.missing);
  const failed = useStore(userRasterState, (state) => state.failed);
  // The stored bytes of the session's file layers come back from IndexedDB once per page.
  useEffect(() => followUserRasterBytes(), []);
  return (
    <section className="user-layers" aria-label={t('userRasters.section')}>
      {layers.length > 0 && (
        <ol className="layer-list">
          {[...layers].reverse().map((layer) => (
            <UserLayerItem
              key={layer.id}
              layer={layer}
              missing={missing.includes(layer.id)}
              failed={failed[layer.id]}
            />
          ))}
        </ol>
      )}
      <button type="button" className="user-layers-add" onClick={startUserRaster}>
        {t('userRasters.addButton')}
      </button>
    </section>
  );
}
