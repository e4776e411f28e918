import type { TFunction } from 'i18next';
import type { GridLevel } from '../../api/map-data.queries';

/** A level's name in the current language, or "level n" when unknown. */
export function levelName(
  levels: readonly GridLevel[],
  level: number,
  t: TFunction,
  zh: boolean,
): string {
  const found = levels.find((l) => l.level === level);
  if (!found) return t('layers.levelFallback', { level });
  return zh ? found.nameZh : found.nameEn;
}

/** A date (ISO string) as the reader writes dates. */
export const formatDate = (iso: string, language: string): string =>
  new Date(iso).toLocaleDateString(language);

/** A rule id in words; the id itself when no translation exists. */
export const ruleName = (t: TFunction, rule: string): string =>
  t(`rules.${rule}`, { defaultValue: rule });

/** Whether a phone number came masked by the API (138****5678). */
export const isMasked = (phone: string | null): boolean => phone !== null && phone.includes('*');
