import type { Database } from '@gridwarden/db';
import DataLoader from 'dataloader';
import { AuthRepository } from '../auth/auth.repository';
import { AuthService, type AuthOptions } from '../auth/auth.service';
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
import { DepartmentReadRepository } from '../enterprises/department-read.repository';
import { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import { LocateRepository } from '../locate/locate.repository';
import { LocateService } from '../locate/locate.service';
import { AssignmentReadRepository } from '../people/assignment-read.repository';
import { ViolationRepository } from '../violations/violation.repository';
import { ViolationService } from '../violations/violation.service';
import { createReadLoaders, type ReadLoaders, type ReadRepositories } from './read-loaders';
import { PersonService } from '../people/person.service';

export interface ServiceOptions {
  /** Token settings (default: a 12-hour lifetime, the secret kept in the database). */
  auth?: AuthOptions;
  /** Coverage thresholds the edits' incremental audits use (default: DOMAIN.md's). */
  thresholds?: CoverageThresholds;
}

/** Long-lived services, built once at start-up. */
export interface Services extends ReadRepositories {
  grids: GridService;
  gridRepository: GridRepository;
  enterprises: EnterpriseService;
  coverage: CoverageReportService;
  auth: AuthService;
  locate: LocateService;
  history: HistoryService;
  violations: ViolationService;
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
  } & ReadLoaders;
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
      ...createReadLoaders(services, viewer),
    },
  };
}

/** Wires repositories into services for one database; edits audit with `thresholds`. */
export function createServices(db: Database, options: ServiceOptions = {}): Services {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  // reads outside transactions go straight to the pool (Database.reads); edits build their
  // repositories on their transaction
  const gridRepository = new GridRepository(db.reads);
  const grids = new GridService(gridRepository);
  const audits = new CoverageService(thresholds);
  const enterpriseRepository = new EnterpriseRepository(db.reads);
  const departments = new DepartmentReadRepository(db.reads);
  const assignmentReads = new AssignmentReadRepository(db.reads);
  const violationRepository = new ViolationRepository(db.reads);
  return {
    auth: new AuthService(
      new AuthRepository(db.dataSource),
      grids,
      options.auth ?? { ttlHours: 12 },
    ),
    grids,
    gridRepository,
    enterprises: new EnterpriseService(enterpriseRepository, grids),
    coverage: new CoverageReportService(db.dataSource, grids),
    enterpriseRepository,
    assignmentReads,
    violationRepository,
    locate: new LocateService(new LocateRepository(db.reads), gridRepository, departments),
    history: new HistoryService(
      db.dataSource,
      new HistoryRepository(db.dataSource),
      assignmentReads,
      gridRepository,
      enterpriseRepository,
      departments,
    ),
    violations: new ViolationService(violationRepository, grids),
    gridEdits: new GridEditService(db.dataSource, audits, thresholds),
    gridLevelEdits: new GridLevelEditService(db.dataSource),
    enterpriseEdits: new EnterpriseEditService(db.dataSource, audits),
    people: new PersonService(db.dataSource, audits),
    departments: new DepartmentService(db.dataSource, audits),
  };
}
