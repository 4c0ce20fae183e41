import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Language = 'nl' | 'en';
type Texts = Record<string, unknown>;

/**
 * Texts live in one JSON file per area and language: src/i18n/<lang>/<namespace>.json.
 * A key is used as `namespace.key`, e.g. t('app.title').
 *
 * Dutch is the default and the fallback, so it is bundled; English is loaded when it is first
 * needed, which keeps about 16 KiB (gzipped) out of the first load. The command line's own texts
 * (cli, builder) are never part of the app.
 */
const dutch = import.meta.glob<Texts>(['./nl/*.json', '!./nl/cli.json', '!./nl/builder.json'], {
  eager: true,
  import: 'default',
});
const english = import.meta.glob<Texts>(['./en/*.json', '!./en/cli.json', '!./en/builder.json'], {
  import: 'default',
});

function namespaceOf(path: string): string | null {
  return /^\.\/(?:nl|en)\/([\w-]+)\.json$/.exec(path)?.[1] ?? null;
}

function bundle(entries: [string, Texts][]): Texts {
  const resources: Texts = {};
  for (const [path, texts] of entries) {
    const namespace = namespaceOf(path);
    if (namespace) resources[namespace] = texts;
  }
  return resources;
}

let englishLoad: Promise<Texts> | null = null;

/** The English texts, loaded once. */
function loadEnglish(): Promise<Texts> {
  englishLoad ??= Promise.all(
    Object.entries(english).map(async ([path, load]) => [path, await load()] as [string, Texts]),
  ).then(bundle);
  return englishLoad;
}

/** Makes sure the texts of `language` are loaded; resolves when i18next has them. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'nl' || i18next.hasResourceBundle(language, 'translation')) return;
  const texts = await loadEnglish();
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', texts, true, true);
  }
}

/** Loads the texts of `language` first, then switches i18next to it. */
export async function switchLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export async function initI18n(language: Language) {
  const resources: Record<string, { translation: Texts }> = {
    nl: { translation: bundle(Object.entries(dutch)) },
  };
  if (language === 'en') resources.en = { translation: await loadEnglish() };
  return i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'nl',
    resources,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
  });
}

export { i18next };
