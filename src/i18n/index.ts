import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Texts live in one JSON file per area and language: src/i18n/<lang>/<namespace>.json.
 * A key is used as `namespace.key`, e.g. t('app.title').
 */
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', {
  eager: true,
  import: 'default',
});

function resourcesFor(language: 'nl' | 'en'): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const [path, texts] of Object.entries(files)) {
    const match = /^\.\/(nl|en)\/([\w-]+)\.json$/.exec(path);
    if (match && match[1] === language && match[2]) resources[match[2]] = texts;
  }
  return resources;
}

export function initI18n(language: 'nl' | 'en') {
  return i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'nl',
    resources: {
      nl: { translation: resourcesFor('nl') },
      en: { translation: resourcesFor('en') },
    },
    interpolation: { escapeValue: false },
  });
}

export { i18next };
