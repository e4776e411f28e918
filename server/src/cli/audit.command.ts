/**
 * `gridwarden audit`: runs the coverage rules over a scope, stores the results, prints
 * them as a table, JSON or GeoJSON (opens in QGIS), and tells scripts by its exit status
 * whether an ERROR violation exists.
 */
import type { Database } from '@gridwarden/db';
import type { AuditResult } from '../coverage/coverage.service';
import { CoverageService, parseRules } from '../coverage/coverage.service';
import { RULES } from '../coverage/rules';
import type { CoverageThresholds } from '../coverage/coverage.types';

export type AuditFormat = 'table' | 'json' | 'geojson';

export interface AuditCommandOptions {
  scope?: string;
  rules?: string;
  format: AuditFormat;
  lang: 'zh' | 'en';
}

/** Runs the audit, writes the report, returns the exit status: 1 if an ERROR violation exists. */
export async function runAudit(
  db: Database,
  thresholds: CoverageThresholds,
  options: AuditCommandOptions,
  write: (text: string) => void,
): Promise<number> {
  const service = new CoverageService(thresholds);
  const result = await db.dataSource.transaction((tx) =>
    service.fullAudit(tx, { scopeCode: options.scope ?? null, rules: parseRules(options.rules) }),
  );
  const codes = await gridCodes(db, result);
  const rows = result.violations.map((v) => {
    const rule = ruleById(v.rule);
    return {
      rule: v.rule,
      severity: v.severity,
      gridCodes: v.gridIds.map((id) => codes.get(id) ?? id),
      enterpriseIds: v.enterpriseIds,
      measure: v.measure,
      unit: rule.unit,
      message: rule.message(v, thresholds)[options.lang],
      geometry: v.geometry ? (JSON.parse(v.geometry) as object) : null,
    };
  });

  if (options.format === 'json') {
    const { auditRunId, durationMs, counts } = result;
    write(
      `${JSON.stringify({ auditRunId, scope: options.scope ?? null, durationMs, counts, violations: rows }, null, 2)}\n`,
    );
  } else if (options.format === 'geojson') {
    const features = rows.map(({ geometry, ...properties }) => ({
      type: 'Feature',
      geometry,
      properties,
    }));
    write(`${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
  } else {
    const header =
      options.lang === 'zh'
        ? ['规则', '级别', '网格', '度量', '说明']
        : ['rule', 'severity', 'grids', 'measure', 'message'];
    const lines = rows.map((r) => [
      r.rule,
      r.severity,
      r.gridCodes.join(' '),
      r.measure == null
        ? ''
        : `${Math.round(r.measure * 10) / 10}${r.unit && r.unit !== 'count' ? ` ${r.unit === 'm2' ? 'm²' : r.unit}` : ''}`,
      r.message,
    ]);
    write(`${formatTable([header, ...lines])}\n`);
    const summary = Object.entries(result.counts)
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ');
    write(`\n${rows.length} violations (${summary}) in ${result.durationMs} ms\n`);
  }
  return rows.some((r) => r.severity === 'ERROR') ? 1 : 0;
}

function ruleById(id: string) {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`audit returned a violation of unknown rule ${id}`);
  return rule;
}

async function gridCodes(db: Database, result: AuditResult): Promise<Map<string, string>> {
  const ids = [...new Set(result.violations.flatMap((v) => v.gridIds))];
  const rows: { id: string; code: string }[] = await db.dataSource.query(
    `SELECT id::text AS id, code FROM grid WHERE id = ANY ($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

function formatTable(rows: string[][]): string {
  // CJK characters take two terminal columns
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 2 : 1), 0);
  const widths = rows[0].map((_, i) =>
    Math.min(60, Math.max(...rows.map((r) => width(r[i] ?? '')))),
  );
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === r.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[i] - width(cell))),
        )
        .join('  '),
    )
    .join('\n');
}
