import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { importFiles } from './import-run';
import { routeFiles } from './user-raster-flow';

/** File types the picker offers; the parser decides by content, so these are only a filter. */
export const IMPORT_ACCEPT = '.geojson,.json,.kml,.kmz,.gpx,.zip,.wkt,.txt,.tif,.tiff';

/** "Importeren" / "Import": opens the file picker (a real button, so keyboard-operable). */
export function ImportButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="import-button"
        title={t('importing.buttonHint')}
        onClick={() => input.current?.click()}
      >
        {t('importing.button')}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        data-testid="import-input"
        accept={IMPORT_ACCEPT}
        multiple
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared, so picking the same file again imports it again.
          event.target.value = '';
          // A .tif/.tiff is the user's own raster (DESIGN.md 8.2); the rest are areas.
          void routeFiles(files, importFiles);
        }}
      />
    </>
  );
}
