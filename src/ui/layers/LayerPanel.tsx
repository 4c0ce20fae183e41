import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CatalogueLayer } from '../../core/raster/catalogue-types';
import { mapStatus } from '../../map/map-status';
import { store } from '../../state/store';
import { useAppState } from '../../state/use-app-state';
import { BasemapSwitch } from '../app/BasemapSwitch';
import { useSmallScreen } from '../app/panel-tabs';
import { LayerInfo } from './LayerInfo';
import { LayerOpacity } from './LayerOpacity';
import { Legend } from './Legend';
import { moveLayer } from './layer-order';
import { PackagePicker } from './PackagePicker';
import { UserLayers } from './UserLayers';
import './layers.css';

/** The left panel: every layer of the dataset with toggle, opacity, order, legend and info. */
export function LayerPanel() {
  const { t } = useTranslation();
  const catalogue = useAppState((state) => state.catalogue);
  const order = useAppState((state) => state.layerOrder);
  const dataset = useStore(mapStatus, (status) => status.dataset);
  const topFirst = [...order].reverse();
  const small = useSmallScreen();
  return (
    <aside className="panel panel-left layer-panel" aria-labelledby="layer-panel-title">
      <h2 id="layer-panel-title" className="panel-title">
        {t('layers.title')}
      </h2>
      <PackagePicker />
      <UserLayers />
      {catalogue?.synthetic && (
        <p className="synthetic-note">
          <span className="synthetic-tag">{t('app.synthetic')}</span> {t('layers.syntheticNote')}
        </p>
      )}
      {dataset.state === 'loading' && <p className="panel-status">{t('map.loadingDataset')}</p>}
      {dataset.state === 'failed' && (
        <p className="panel-status panel-error" role="alert">
          {t(dataset.error.code, dataset.error.params)}
        </p>
      )}
      {catalogue && (
        <ol className="layer-list">
          {topFirst.map((id, index) => {
            const layer = catalogue.layers.find((entry) => entry.id === id);
            if (!layer) return null;
            return (
              <LayerItem
                key={id}
                layer={layer}
                isTop={index === 0}
                isBottom={index === topFirst.length - 1}
              />
            );
          })}
        </ol>
      )}
      {/* On a small screen the basemap choice is part of this tab, not a card over the map. */}
      {small ? <BasemapSwitch /> : null}
    </aside>
  );
}

function LayerItem(props: { layer: CatalogueLayer; isTop: boolean; isBottom: boolean }) {
  const { layer, isTop, isBottom } = props;
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const view = useAppState((state) => state.layerViews[layer.id]);
  const [infoOpen, setInfoOpen] = useState(false);
  const title = layer.title[language];
  const visible = view?.visible ?? false;
  const base = `layer-${layer.id}`;
  const move = (step: 1 | -1) => {
    const state = store.getState();
    state.setLayerOrder(moveLayer(state.layerOrder, layer.id, step));
  };
  return (
    <li className={visible ? 'layer-item is-visible' : 'layer-item'} data-layer={layer.id}>
      <div className="layer-row">
        <input
          id={`${base}-visible`}
          type="checkbox"
          checked={visible}
          onChange={(event) =>
            store.getState().setLayerView(layer.id, { visible: event.target.checked })
          }
        />
        <label htmlFor={`${base}-visible`} className="layer-title">
          {title}
        </label>
      </div>
      <div className="layer-opacity">
        <LayerOpacity
          id={`${base}-opacity`}
          title={title}
          opacity={view?.opacity ?? 0.8}
          onChange={(opacity) => store.getState().setLayerView(layer.id, { opacity })}
        />
        <span className="layer-buttons">
          <button
            type="button"
            className="icon-button"
            aria-label={t('layers.moveUp', { title })}
            title={t('layers.moveUp', { title })}
            aria-disabled={isTop}
            onClick={() => !isTop && move(1)}
          >
            <span aria-hidden="true">▲</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('layers.moveDown', { title })}
            title={t('layers.moveDown', { title })}
            aria-disabled={isBottom}
            onClick={() => !isBottom && move(-1)}
          >
            <span aria-hidden="true">▼</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('layers.info', { title })}
            title={t('layers.info', { title })}
            aria-expanded={infoOpen}
            aria-controls={`${base}-info`}
            onClick={() => setInfoOpen(!infoOpen)}
          >
            {/* A word, which the accessible name starts with (WCAG 2.5.3 label in name). */}
            <span aria-hidden="true">{t('layers.infoShort')}</span>
          </button>
        </span>
      </div>
      {visible && <Legend layer={layer} />}
      {infoOpen && <LayerInfo layer={layer} id={`${base}-info`} />}
    </li>
  );
}
