/**
 * locate(lon, lat): who answers for a point — the grid at every level around it with its
 * named people, the level and sector departments that answer for a class of enterprise
 * there (seed 000 art. 17, seed 002), and how far the point is from its base grid's edge.
 * Answers only inside the viewer's territorial scope.
 */
import { ENTERPRISE_CLASSES, RISK_CLASSES, type EnterpriseClass } from '@gridwarden/db';
import type { Viewer } from '../auth/viewer';
import { industryClasses } from '../coverage/responsibility';
import type { DepartmentReadRepository } from '../enterprises/department-read.repository';
import { validateLonLat } from '../geo/query-geometry.validation';
import { UserInputError } from '../graphql/errors';
import type { GridRepository } from '../grids/grid.repository';
import type { LocateRepository } from './locate.repository';
import type { LocateArgs, LocateResult } from './locate.types';

// the industry_code CHECK of the core schema: GB/T 4754-2017 section letter + 2–4 digits
const INDUSTRY_CODE = /^[A-T][0-9]{2,4}$/;

export class LocateService {
  constructor(
    private readonly locateRepository: LocateRepository,
    private readonly grids: GridRepository,
    private readonly departments: DepartmentReadRepository,
  ) {}

  async locate(viewer: Viewer, args: LocateArgs): Promise<LocateResult> {
    const point = validateLonLat(args.lon, args.lat);
    if (!point.valid) throw new UserInputError(point.message, { reason: point.reason });
    const { levelClasses, sectorKeys } = classKeys(args.enterpriseClass, args.industryCode);
    const industryCode = args.industryCode ?? null;
    const { lon, lat } = args;
    const scope = viewer.scopeGridId;

    // independent statements go out together (a pool of several answers them at once)
    const [chain, { baseLevel, responsibleLevel }] = await Promise.all([
      this.locateRepository.chain(lon, lat, scope),
      this.grids.levelsFor(levelClasses),
    ]);
    const baseGrid = chain.find((g) => g.level === baseLevel) ?? null;
    const hasSector = industryCode != null || sectorKeys.length > 0;
    const [outside, distanceToBaseEdgeM, departments] = await Promise.all([
      chain.length === 0
        ? this.locateRepository.insideGrid(lon, lat, scope).then((i) => !i)
        : false,
      baseGrid ? this.locateRepository.distanceToEdge(lon, lat, baseGrid.id) : null,
      hasSector ? this.departments.forSector(industryCode, sectorKeys) : [],
    ]);
    return {
      lon,
      lat,
      chain,
      baseGrid,
      uncovered: baseGrid == null,
      outsideScope: outside,
      distanceToBaseEdgeM,
      classes: sectorKeys,
      responsibleLevel,
      responsibleGrid: chain.find((g) => g.level === responsibleLevel) ?? null,
      departments,
    };
  }
}

/**
 * The classes a class argument and an industry code stand for: `levelClasses` to match
 * grid_level.enterprise_classes (a high-risk class counts as HIGH_RISK), `sectorKeys` to match
 * sector rules (those plus the risk class itself), as enterpriseClasses / sectorClasses do
 * for a stored enterprise.
 */
export function classKeys(
  enterpriseClass: string | null | undefined,
  industryCode: string | null | undefined,
): { levelClasses: EnterpriseClass[]; sectorKeys: string[] } {
  const levelClasses: EnterpriseClass[] = [];
  const sectorKeys: string[] = [];
  if (enterpriseClass != null) {
    if ((ENTERPRISE_CLASSES as readonly string[]).includes(enterpriseClass)) {
      levelClasses.push(enterpriseClass as EnterpriseClass);
    } else if ((RISK_CLASSES as readonly string[]).includes(enterpriseClass)) {
      levelClasses.push('HIGH_RISK');
      sectorKeys.push(enterpriseClass);
    } else {
      throw new UserInputError(
        `"enterpriseClass" must be one of ${[...ENTERPRISE_CLASSES, ...RISK_CLASSES].join(', ')}; got ${JSON.stringify(enterpriseClass)}`,
      );
    }
  }
  if (industryCode != null) {
    if (!INDUSTRY_CODE.test(industryCode)) {
      throw new UserInputError(
        `"industryCode" must be a GB/T 4754-2017 code: a section letter A–T and 2–4 digits, e.g. C2614; got ${JSON.stringify(industryCode)}`,
      );
    }
    for (const c of industryClasses(industryCode)) {
      if (!levelClasses.includes(c)) levelClasses.push(c);
    }
  }
  return { levelClasses, sectorKeys: [...levelClasses, ...sectorKeys] };
}
