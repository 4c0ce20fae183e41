import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { inspectStatus } from '../../map/inspect';
import { useAppState } from '../../state/use-app-state';
import { formatLayerValue, formatNumber } from '../common/format';

/** Values of every visible layer under the cursor (or at the pinned point), with its position. */
export function InspectPanel() {
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const catalogue = useAppState((state) => state.catalogue);
  const order = useAppState((state) => state.layerOrder);
  const views = useAppState((state) => state.layerViews);
  const { lngLat, rd, pinned, values, reading } = useStore(inspectStatus);
  if (!lngLat || !rd || !catalogue) {
    return (
      <section className="map-overlay inspect-panel is-idle" aria-label={t('inspect.title')}>
        <p className="inspect-hint">{t('inspect.hint')}</p>
      </section>
    );
  }
  const visible = [...order].reverse().filter((id) => views[id]?.visible);
  return (
    <section
      className={pinned ? 'map-overlay inspect-panel is-pinned' : 'map-overlay inspect-panel'}
      aria-label={t('inspect.title')}
      data-testid="inspect"
    >
      <h2 className="inspect-title">{pinned ? t('inspect.pinned') : t('inspect.title')}</h2>
      {/* Only a pinned point is announced: hover would flood a screen reader. */}
      <div aria-live={pinned ? 'polite' : 'off'}>
        <table className="inspect-values">
          <tbody>
            {visible.map((id) => {
              const layer = catalogue.layers.find((entry) => entry.id === id);
              if (!layer) return null;
              const value = values[id];
              const shown =
                value === undefined
                  ? reading
                    ? '…'
                    : '–'
                  : (formatLayerValue(layer, value, language) ?? t('inspect.noData'));
              return (
                <tr key={id} data-layer={id} data-value={value ?? ''}>
                  <th scope="row">{layer.title[language]}</th>
                  <td>{shown}</td>
                </tr>
              );
            })}
            {visible.length === 0 && (
              <tr>
                <td colSpan={2}>{t('inspect.noLayers')}</td>
              </tr>
            )}
          </tbody>
        </table>
        <p className="inspect-position" data-testid="inspect-position">
          <span data-rd-x={rd[0]} data-rd-y={rd[1]}>
            RD x {formatNumber(rd[0], language, 0)} m, y {formatNumber(rd[1], language, 0)} m
          </span>
          <span>
            WGS84 {formatNumber(lngLat[1], language, 5)}° N, {formatNumber(lngLat[0], language, 5)}°{' '}
            {t('inspect.east')}
          </span>
        </p>
      </div>
      <p className="inspect-hint">{pinned ? t('inspect.unpinHint') : t('inspect.pinHint')}</p>
    </section>
  );
}
