import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { analysisState } from '../../map/area-analysis';
import { useAppState } from '../../state/use-app-state';

/** Notices that come with the user's own rasters (DESIGN.md 8.2, 7.2). */
const KINDS = new Set(['implausible', 'resampled', 'no-data']);

/**
 * The notices `implausible`, `resampled` and `no-data` of the analysis, shown with the results
 * while the user has rasters of their own (the package's own data has none of the first two).
 */
export function UserLayerNotices() {
  const { t } = useTranslation();
  const userLayers = useAppState((state) => state.userLayers);
  const warnings = useStore(analysisState, (state) => state.warnings);
  if (userLayers.length === 0) return null;
  const seen = new Set<string>();
  const shown = warnings.filter((warning) => {
    if (!KINDS.has(warning.kind)) return false;
    const key = `${warning.kind}|${warning.code}|${JSON.stringify(warning.params ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (shown.length === 0) return null;
  return (
    <section className="user-layer-notices" aria-label={t('userRasters.noticesTitle')}>
      <ul>
        {shown.map((warning) => (
          <li
            key={`${warning.kind}|${warning.code}|${JSON.stringify(warning.params ?? {})}`}
            data-kind={warning.kind}
            data-testid="user-layer-notice"
          >
            {t(warning.code, warning.params)}
          </li>
        ))}
      </ul>
    </section>
  );
}
