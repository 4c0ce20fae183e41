import { useTranslation } from 'react-i18next';
import type { CatalogueLayer } from '../../core/raster/catalogue-types';
import { useAppState } from '../../state/use-app-state';
import { formatNumber, unitText } from '../common/format';

/** Where a layer comes from: source, resolution, date, licence, and whether it is synthetic. */
export function LayerInfo(props: { layer: CatalogueLayer; id: string }) {
  const { layer, id } = props;
  const { t } = useTranslation();
  const language = useAppState((state) => state.language);
  return (
    <dl className="layer-info" id={id}>
      <dt>{t('layers.source')}</dt>
      <dd>{layer.source[language]}</dd>
      <dt>{t('layers.resolution')}</dt>
      <dd>{`${formatNumber(layer.resolution_m, language, 0)} m`}</dd>
      <dt>{t('layers.date')}</dt>
      <dd>{layer.date}</dd>
      <dt>{t('layers.licence')}</dt>
      <dd>{layer.licence}</dd>
      <dt>{t('layers.unit')}</dt>
      <dd>{layer.kind === 'categorical' ? t('layers.classes') : unitText(layer.unit, language)}</dd>
      {layer.synthetic && (
        <>
          <dt>{t('layers.nature')}</dt>
          <dd>
            <span className="synthetic-tag">{t('app.synthetic')}</span> {t('layers.syntheticInfo')}
          </dd>
        </>
      )}
    </dl>
  );
}
