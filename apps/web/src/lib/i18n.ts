import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

type Messages = Record<string, unknown>;

const STORAGE_KEY = 'goprep.lang';

/*
 * Messages are loaded, not bundled: only the active language is fetched, and of it only the base
 * file (`locales/<lang>.json`: shell, auth, practice, quizzes, drills) before the first render.
 * Feature namespaces (`locales/<lang>/<namespace>.json`, e.g. hiring screens) are fetched by the
 * routes that need them (see `loadNamespaces` and the router), so the landing page and the
 * dashboard do not pay for every screen's text in both languages.
 */
const baseFiles = import.meta.glob<Messages>('../locales/*.json', { import: 'default' });
const namespaceFiles = import.meta.glob<Messages>('../locales/*/*.json', { import: 'default' });

/** Every feature namespace that exists, from the English file names. */
export const NAMESPACES: readonly string[] = Object.keys(namespaceFiles)
  .map((path) => /locales\/en\/([^/]+)\.json$/.exec(path)?.[1])
  .filter((ns): ns is string => ns !== undefined);

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** Saved choice first, then the browser's language (any zh-* maps to Simplified Chinese). */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage unavailable: use the browser's language.
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const lang of preferred) {
    if (lang?.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (lang?.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

/** Resolved once i18next is initialised; the router may ask for messages before that. */
let markInitialised: () => void = () => undefined;
const initialised = new Promise<void>((resolve) => {
  markInitialised = resolve;
});

/** Namespaces some route asked for; a language switch loads them in the new language too. */
const wanted = new Set<string>();
const loaded = new Map<string, Promise<void>>();

function loadOnce(key: string, load: () => Promise<void>): Promise<void> {
  let pending = loaded.get(key);
  if (!pending) {
    pending = load().catch((error: unknown) => {
      loaded.delete(key); // a failed fetch (offline) is tried again next time
      throw error;
    });
    loaded.set(key, pending);
  }
  return pending;
}

function loadBase(lang: Language): Promise<void> {
  return loadOnce(lang, async () => {
    const file = baseFiles[`../locales/${lang}.json`];
    if (!file) throw new Error(`no messages for ${lang}`);
    const messages = await file();
    await initialised;
    i18n.addResourceBundle(lang, 'translation', messages, true, false);
  });
}

function loadNamespace(lang: Language, ns: string): Promise<void> {
  return loadOnce(`${lang}/${ns}`, async () => {
    const file = namespaceFiles[`../locales/${lang}/${ns}.json`];
    if (!file) throw new Error(`no namespace ${ns} for ${lang}`);
    const messages = await file();
    await initialised;
    i18n.addResourceBundle(lang, 'translation', { [ns]: messages }, true, false);
  });
}

function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Loads feature namespaces (all of them when none are named) in the active language. */
export async function loadNamespaces(names: readonly string[] = NAMESPACES): Promise<void> {
  for (const ns of names) wanted.add(ns);
  // The router asks before i18next has picked the language: wait for it, or a Chinese first
  // visit would fetch the English namespaces.
  await initialised;
  const lang = currentLanguage();
  await Promise.all([loadBase(lang), ...names.map((ns) => loadNamespace(lang, ns))]);
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still applies to this page.
  }
  await Promise.all([loadBase(lang), ...[...wanted].map((ns) => loadNamespace(lang, ns))]);
  await i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** Initialises i18next with the active language's base messages; awaited before the first render. */
export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18n.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng,
    // Both languages have the same keys (a spec checks), so nothing needs a fallback bundle.
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((l) => l.code),
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { bindI18nStore: 'added' },
  });
  markInitialised();
  await loadBase(lng);
  document.documentElement.lang = i18n.language;
}

export { i18n };
