import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const STORAGE_KEY = 'gridwarden.locale';

function storedLocale(): Locale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return LOCALES.find((locale) => locale === stored) ?? DEFAULT_LOCALE;
}

export function initI18n(): typeof i18next {
  const lng = storedLocale();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    showSupportNotice: false,
  });
  return i18next;
}

export function setLocale(locale: Locale): void {
  window.localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

/** Whether a language tag is Chinese: grid level names come from the API in zh and en. */
export const isChinese = (language: string): boolean => language.toLowerCase().startsWith('zh');
