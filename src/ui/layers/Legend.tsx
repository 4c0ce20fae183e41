import { useTranslation } from 'react-i18next';
import type { CatalogueLayer } from '../../core/raster/catalogue-types';
import { legendFor } from '../../core/tiles/palettes';
import { useAppState } from '../../state/use-app-state';
import { formatNumber, labelDecimalsFor, unitText } from '../common/format';

/** Legend of one layer: its unit and a colour ramp with values, or its classes with colours. */
/** True when the legend ends at 100 % of a share: nothing lies above it, so no "≥". */
function isFullShare(unit: CatalogueLayer['unit'], value: number | undefined): boolean {
  const text = typeof unit === 'string' ? unit : unit.en;
  return text.trim() === '%' && value !== undefined && value >= 100;
}

export function Legend(props: { layer: CatalogueLayer }) {
  const { layer } = props;
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  const legend = legendFor(layer);
  const title = layer.title[language];
  const synthetic = layer.synthetic ? (
    <span className="synthetic-tag">{t('app.synthetic')}</span>
  ) : null;
  if (legend.kind === 'classes') {
    return (
      <figure className="legend" aria-label={t('layers.legendOf', { title })}>
        <figcaption className="legend-caption">
          {t('layers.classes')} {synthetic}
        </figcaption>
        <ul className="legend-classes">
          {legend.classes.map((entry) => (
            <li key={entry.code}>
              <span className="legend-swatch" style={{ background: entry.color }} />
              {entry.title[language]}
            </li>
          ))}
        </ul>
      </figure>
    );
  }
  const first = legend.stops[0];
  const last = legend.stops[legend.stops.length - 1];
  const middle = legend.stops[Math.floor(legend.stops.length / 2)];
  const gradient = `linear-gradient(to right, ${legend.stops.map((stop) => stop.color).join(', ')})`;
  // Decimals from the step between labels, so 0, 125, 250 rather than 0,00, 125, 250.
  const step = Math.abs((last?.value ?? 0) - (first?.value ?? 0)) / 2;
  const decimals = labelDecimalsFor(step);
  const label = (value: number | undefined) =>
    value === undefined ? '' : formatNumber(value, language, decimals);
  return (
    <figure className="legend" aria-label={t('layers.legendOf', { title })}>
      <figcaption className="legend-caption">
        {unitText(legend.unit, language)} {synthetic}
      </figcaption>
      <div className="legend-ramp" style={{ background: gradient }} />
      <div className="legend-values">
        <span>{label(first?.value)}</span>
        <span>{label(middle?.value)}</span>
        {/* Values above the range take the last colour; a share cannot pass 100 %. */}
        <span>
          {isFullShare(legend.unit, last?.value) ? '' : '≥ '}
          {label(last?.value)}
        </span>
      </div>
    </figure>
  );
}
