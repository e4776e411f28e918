import { useTranslation } from 'react-i18next';
import type { GridChangePreview } from './editing.queries';
import { summarizePreview } from './preview-summary';

/** The server's preview of an edit as a list: problems added and removed per rule, enterprises that change grid, counts before → after. */
export function PreviewList({ preview }: { preview: GridChangePreview }) {
  const { t, i18n } = useTranslation();
  const summary = summarizePreview(preview);
  const grid = (code: string | null) => code ?? t('editing.nowhere');
  const n = (v: number | null) => (v === null ? '–' : v.toLocaleString(i18n.language));
  return (
    <div className="editing-preview" data-testid="editing-preview-list">
      {summary.closesGap && (
        <p className="editing-note editing-ok" data-testid="editing-gap-closed">
          {t('editing.gapClosed')}
        </p>
      )}
      <h3 className="panel-subtitle">{t('editing.rulesTitle')}</h3>
      {summary.rules.length === 0 ? (
        <p className="editing-note">{t('editing.noRuleChange')}</p>
      ) : (
        <ul className="editing-list">
          {summary.rules.map((r) => (
            <li key={r.rule} data-testid={`editing-rule-${r.rule}`}>
              {t('editing.ruleRow', {
                rule: t(`rules.${r.rule}`, { defaultValue: r.rule }),
                added: r.added,
                removed: r.removed,
              })}
            </li>
          ))}
        </ul>
      )}
      {summary.moves.length > 0 && (
        <>
          <h3 className="panel-subtitle">
            {t('editing.movesTitle', { count: summary.moves.length })}
          </h3>
          <ul className="editing-list">
            {summary.moves.slice(0, 20).map((m) => (
              <li key={m.enterpriseId}>
                {m.name}: {grid(m.from)} → {grid(m.to)}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.counts.length > 0 && (
        <>
          <h3 className="panel-subtitle">{t('editing.countsTitle')}</h3>
          <ul className="editing-list">
            {summary.counts.map((c) => (
              <li key={c.code}>
                {c.code} {c.name}: {n(c.before)} → {n(c.after)}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className="editing-legend">
        <li className="editing-key-result">{t('editing.legendResult')}</li>
        <li className="editing-key-removed">{t('editing.legendRemoved')}</li>
        <li className="editing-key-added">{t('editing.legendAdded')}</li>
        <li className="editing-key-moved">{t('editing.legendMoved')}</li>
      </ul>
    </div>
  );
}
