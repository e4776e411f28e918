import type { DataSource } from 'typeorm';
import { NotFoundError } from '../graphql/errors';
import { coverageSummaries, type CoverageSummary } from './coverage-summary';

/** Reads for supervisors: coverage of a scope and its children, ranked worst first. */
export class CoverageReportService {
  constructor(private readonly db: DataSource) {}

  async report(
    scopeCode: string | null,
  ): Promise<{ scope: CoverageSummary; children: CoverageSummary[]; auditedAt: Date | null } | null> {
    const [scope] = scopeCode
      ? await this.db.query(`SELECT id::text AS id FROM grid WHERE code = $1`, [scopeCode])
      : await this.db.query(`SELECT id::text AS id FROM grid WHERE parent_id IS NULL ORDER BY level, code LIMIT 1`);
    if (!scope) {
      if (scopeCode) throw new NotFoundError(`no grid has the code ${JSON.stringify(scopeCode)}`);
      return null;
    }
    const children: { id: string }[] = await this.db.query(`SELECT id::text AS id FROM grid WHERE parent_id = $1`, [scope.id]);
    const summaries = await coverageSummaries(this.db, [scope.id, ...children.map((c) => c.id)]);
    const own = summaries.find((s) => s.gridId === scope.id);
    if (!own) throw new Error(`coverage summary lost grid ${scope.id}`);
    const [{ auditedAt }] = await this.db.query(
      `SELECT max(started_at + duration_ms * interval '1 millisecond') AS "auditedAt" FROM audit_run`,
    );
    return {
      auditedAt,
      scope: own,
      children: summaries.filter((s) => s.gridId !== scope.id).sort((a, b) => a.score - b.score || a.code.localeCompare(b.code)),
    };
  }
}
