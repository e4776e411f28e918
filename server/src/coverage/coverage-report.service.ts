import type { DataSource } from 'typeorm';
import { requireViewer, type Viewer } from '../auth/viewer';
import type { GridService } from '../grids/grid.service';
import { coverageSummaries, type CoverageSummary } from './coverage-summary';

/** Reads for supervisors: coverage of a scope and its children, ranked worst first. */
export class CoverageReportService {
  constructor(
    private readonly db: DataSource,
    private readonly grids: GridService,
  ) {}

  /** The grid with code `scopeCode` (the viewer's scope root when null): FORBIDDEN outside the viewer's scope. */
  async report(
    viewer: Viewer | null,
    scopeCode: string | null,
  ): Promise<{
    scope: CoverageSummary;
    children: CoverageSummary[];
    auditedAt: Date | null;
  } | null> {
    const v = requireViewer(viewer);
    const scopeId = scopeCode
      ? await this.grids.requireInScope({ code: scopeCode }, v, 'scope')
      : v.scopeGridId;
    const children: { id: string }[] = await this.db.query(
      `SELECT id::text AS id FROM grid WHERE parent_id = $1`,
      [scopeId],
    );
    const summaries = await coverageSummaries(this.db, [scopeId, ...children.map((c) => c.id)]);
    const own = summaries.find((s) => s.gridId === scopeId);
    if (!own) throw new Error(`coverage summary lost grid ${scopeId}`);
    const [{ auditedAt }] = await this.db.query(
      `SELECT max(started_at + duration_ms * interval '1 millisecond') AS "auditedAt" FROM audit_run`,
    );
    return {
      auditedAt,
      scope: own,
      children: summaries
        .filter((s) => s.gridId !== scopeId)
        .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code)),
    };
  }
}
