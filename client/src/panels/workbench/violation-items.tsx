import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isChinese } from '../../i18n/i18n';
import type { ViolationItem } from './queries';

/** Violations as clickable lines: severity, message; a click zooms to and highlights one. */
export function ViolationItems({
  items,
  onFocus,
}: {
  items: ViolationItem[];
  onFocus(v: ViolationItem): void;
}) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  return (
    <ul className="wb-violations">
      {items.map((v) => (
        <li key={v.id}>
          <button
            type="button"
            className="wb-violation"
            data-testid={`violation-${v.id}`}
            onClick={() => onFocus(v)}
          >
            <Tag color={v.severity === 'ERROR' ? 'red' : 'orange'}>
              {t(`panels.violations.severity.${v.severity}`, { defaultValue: v.severity })}
            </Tag>
            <span className="wb-violation-text">{zh ? v.messageZh : v.messageEn}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
