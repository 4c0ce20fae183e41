import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/use-app-state';

/** Says on the map itself that the demo dataset is synthetic. */
export function SyntheticBadge() {
  const { t } = useTranslation();
  const synthetic = useAppState((state) => state.catalogue?.synthetic ?? false);
  if (!synthetic) return null;
  return (
    <p
      className="map-overlay synthetic-badge"
      data-testid="synthetic-badge"
      title={t('map.syntheticBadgeTitle')}
    >
      <strong>{t('map.syntheticBadge')}</strong>
      <span className="synthetic-badge-detail">{t('map.syntheticBadgeTitle')}</span>
    </p>
  );
}
