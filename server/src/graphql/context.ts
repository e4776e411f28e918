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
import type { Grid } from '../grids/grid.types';

/** Long-lived services, built once at start-up. */
export interface Services {
  grids: GridService;
  gridRepository: GridRepository;
  enterprises: EnterpriseService;
  coverage: CoverageReportService;
  auth: AuthService;
}

/** What every resolver receives: the services and this request's batch loaders. */
export interface RequestContext extends Services {
  /** The authenticated user, or null (resolvers call requireViewer / requireRole). */
  viewer: Viewer | null;
  loaders: {
    /** Enterprises in a grid's subtree, batched across the grids of one response. */
    enterpriseCount: DataLoader<string, number>;
    /** Grids by id in the viewer's scope (null outside it), batched: Grid.parent, Enterprise.baseGrid. */
    grid: DataLoader<string, Grid | null>;
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
      grid: new DataLoader((ids: readonly string[]) => services.grids.findMany(ids, viewer)),
    },
  };
}

/** Wires repositories into services for one database. */
export function createServices(db: Database, auth: AuthOptions = { ttlHours: 12 }): Services {
  const gridRepository = new GridRepository(db.dataSource);
  const grids = new GridService(gridRepository);
  return {
    auth: new AuthService(new AuthRepository(db.dataSource), grids, auth),
    grids,
    gridRepository,
    enterprises: new EnterpriseService(new EnterpriseRepository(db.dataSource), grids),
    coverage: new CoverageReportService(db.dataSource, grids),
  };
}
