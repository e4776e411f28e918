import type { Database } from '@gridwarden/db';
import DataLoader from 'dataloader';
import { AuthRepository } from '../auth/auth.repository';
import { AuthService, type AuthOptions } from '../auth/auth.service';
import type { Viewer } from '../auth/viewer';
import { CoverageReportService } from '../coverage/coverage-report.service';
import { EnterpriseRepository } from '../enterprises/enterprise.repository';
import { EnterpriseService } from '../enterprises/enterprise.service';
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

/** Wires repositories into services for one database. */
export function createServices(db: Database, auth: AuthOptions = { ttlHours: 12 }): Services {
  const gridRepository = new GridRepository(db.dataSource);
  const grids = new GridService(gridRepository);
  const enterpriseRepository = new EnterpriseRepository(db.dataSource);
  const departments = new DepartmentReadRepository(db.dataSource);
  const assignmentReads = new AssignmentReadRepository(db.dataSource);
  const violationRepository = new ViolationRepository(db.dataSource);
  return {
    auth: new AuthService(new AuthRepository(db.dataSource), grids, auth),
    grids,
    gridRepository,
    enterprises: new EnterpriseService(enterpriseRepository, grids),
    coverage: new CoverageReportService(db.dataSource, grids),
    enterpriseRepository,
    assignmentReads,
    violationRepository,
    locate: new LocateService(new LocateRepository(db.dataSource), gridRepository, departments),
    history: new HistoryService(
      db.dataSource,
      new HistoryRepository(db.dataSource),
      assignmentReads,
      gridRepository,
      enterpriseRepository,
      departments,
    ),
    violations: new ViolationService(violationRepository, grids),
  };
}
