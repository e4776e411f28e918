import type { Database } from '@gridwarden/db';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer';
import { CoverageReportService } from '../coverage/coverage-report.service';
import { CoverageService } from '../coverage/coverage.service';
import { DEFAULT_THRESHOLDS, type CoverageThresholds } from '../coverage/coverage.types';
import { DepartmentService } from '../departments/department.service';
import { EnterpriseEditService } from '../enterprises/enterprise-edit.service';
import { EnterpriseRepository } from '../enterprises/enterprise.repository';
import { EnterpriseService } from '../enterprises/enterprise.service';
import { GridEditService } from '../grids/grid-edit.service';
import { GridLevelEditService } from '../grids/grid-level-edit.service';
import { GridRepository } from '../grids/grid.repository';
import { GridService } from '../grids/grid.service';
import { PersonService } from '../people/person.service';

/** Long-lived services, built once at start-up. */
export interface Services {
  grids: GridService;
  gridRepository: GridRepository;
  enterprises: EnterpriseService;
  coverage: CoverageReportService;
  /** Edits: each one transaction with its audit_log rows and incremental audit. */
  gridEdits: GridEditService;
  gridLevelEdits: GridLevelEditService;
  enterpriseEdits: EnterpriseEditService;
  people: PersonService;
  departments: DepartmentService;
}

/** What every resolver receives: the services and this request's batch loaders. */
export interface RequestContext extends Services {
  /** The authenticated user, or null (resolvers call requireViewer / requireRole). */
  viewer: Viewer | null;
  loaders: {
    /** Enterprises in a grid's subtree, batched across the grids of one response. */
    enterpriseCount: DataLoader<string, number>;
  };
}

export function createRequestContext(services: Services, viewer: Viewer | null): RequestContext {
  return {
    ...services,
    viewer,
    loaders: {
      enterpriseCount: new DataLoader(async (ids: readonly string[]) => {
        const counts = await services.gridRepository.enterpriseCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
    },
  };
}

/** Wires repositories into services for one database; edits audit with these thresholds. */
export function createServices(
  db: Database,
  thresholds: CoverageThresholds = DEFAULT_THRESHOLDS,
): Services {
  const gridRepository = new GridRepository(db.dataSource);
  const audits = new CoverageService(thresholds);
  return {
    grids: new GridService(gridRepository),
    gridRepository,
    enterprises: new EnterpriseService(new EnterpriseRepository(db.dataSource)),
    coverage: new CoverageReportService(db.dataSource),
    gridEdits: new GridEditService(db.dataSource, audits, thresholds),
    gridLevelEdits: new GridLevelEditService(db.dataSource),
    enterpriseEdits: new EnterpriseEditService(db.dataSource, audits),
    people: new PersonService(db.dataSource, audits),
    departments: new DepartmentService(db.dataSource, audits),
  };
}
