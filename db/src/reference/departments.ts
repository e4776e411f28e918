/**
 * Default sector departments and sector rules: the town responsibility matrix of
 * seed 002 (digested in shared/DOMAIN.md). Loaded by the core migration as default
 * configuration; a deployment edits them afterwards.
 *
 * A sector rule maps an enterprise to a department by the prefix of its GB/T 4754-2017
 * industry code (section letter + division digits, e.g. `C26` chemicals) or by an
 * enterprise class (`NINE_SMALL`, a risk class such as `HAZARDOUS_CHEMICALS`). An
 * enterprise matched by no rule has no sector department: that is the 责任空档 the
 * SECTOR_UNASSIGNED rule reports. The comprehensive supervisor (emergency-management
 * office) oversees everyone but does not by itself close that gap.
 */
import { EnterpriseClass, RiskClass } from './enterprise-classes';

export interface DepartmentSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  /** 综合监管: comprehensive supervision over all sectors. */
  comprehensive: boolean;
}

export interface SectorRuleSeed {
  departmentCode: string;
  /** GB/T 4754-2017 code prefix, e.g. `C26`; matches `C2614`. */
  industryPrefix?: string;
  /** An enterprise class or risk class the department supervises whatever the industry. */
  enterpriseClass?: EnterpriseClass | RiskClass;
}

export const DEPARTMENTS: readonly DepartmentSeed[] = [
  {
    code: 'EMERGENCY',
    nameZh: '应急管理办公室',
    nameEn: 'Emergency-management office',
    comprehensive: true,
  },
  { code: 'ECONOMIC', nameZh: '经委', nameEn: 'Economic commission', comprehensive: false },
  { code: 'EDUCATION', nameZh: '教委', nameEn: 'Education office', comprehensive: false },
  { code: 'POLICE', nameZh: '派出所', nameEn: 'Police station', comprehensive: false },
  { code: 'TRAFFIC_POLICE', nameZh: '交警中队', nameEn: 'Traffic police', comprehensive: false },
  { code: 'LAND', nameZh: '国土所', nameEn: 'Land & resources office', comprehensive: false },
  {
    code: 'PLANNING',
    nameZh: '规划建设监督管理办公室',
    nameEn: 'Planning & construction office',
    comprehensive: false,
  },
  {
    code: 'CONSTRUCTION',
    nameZh: '建设管理办公室',
    nameEn: 'Construction management office',
    comprehensive: false,
  },
  { code: 'WATER', nameZh: '水利站', nameEn: 'Water station', comprehensive: false },
  {
    code: 'AGRICULTURE',
    nameZh: '农业推广办公室',
    nameEn: 'Agriculture office',
    comprehensive: false,
  },
  {
    code: 'FARM_MACHINERY',
    nameZh: '农机站',
    nameEn: 'Farm machinery station',
    comprehensive: false,
  },
  {
    code: 'HUSBANDRY',
    nameZh: '畜牧水产站',
    nameEn: 'Animal husbandry & fishery station',
    comprehensive: false,
  },
  { code: 'FORESTRY', nameZh: '林果桑蚕站', nameEn: 'Forestry station', comprehensive: false },
  {
    code: 'CULTURE_TOURISM',
    nameZh: '文旅办',
    nameEn: 'Culture & tourism office',
    comprehensive: false,
  },
  { code: 'HEALTH', nameZh: '卫生院', nameEn: 'Health centre', comprehensive: false },
  { code: 'ENVIRONMENT', nameZh: '环保所', nameEn: 'Environment office', comprehensive: false },
  {
    code: 'MARKET',
    nameZh: '市场监管所',
    nameEn: 'Market supervision office',
    comprehensive: false,
  },
  { code: 'FOOD_DRUG', nameZh: '食药监所', nameEn: 'Food & drug office', comprehensive: false },
  { code: 'CIVIL_AFFAIRS', nameZh: '民政所', nameEn: 'Civil affairs office', comprehensive: false },
  { code: 'POST', nameZh: '邮政支局', nameEn: 'Post office', comprehensive: false },
];

const byPrefix = (departmentCode: string, ...prefixes: string[]): SectorRuleSeed[] =>
  prefixes.map((industryPrefix) => ({ departmentCode, industryPrefix }));
const byClass = (
  departmentCode: string,
  ...classes: (EnterpriseClass | RiskClass)[]
): SectorRuleSeed[] => classes.map((enterpriseClass) => ({ departmentCode, enterpriseClass }));

/** seed 002: who supervises which sector. Sections J, K, L, M, S, T are deliberately absent. */
export const SECTOR_RULES: readonly SectorRuleSeed[] = [
  ...byPrefix('AGRICULTURE', 'A01', 'A05'),
  ...byPrefix('FORESTRY', 'A02', 'C20'),
  ...byPrefix('HUSBANDRY', 'A03', 'A04', 'C135', 'C132'),
  ...byPrefix('LAND', 'B'),
  ...byPrefix('ECONOMIC', 'C', 'D44'),
  ...byPrefix('EMERGENCY', 'C25', 'C26', 'F5162'),
  ...byPrefix('FOOD_DRUG', 'C13', 'C14', 'C15', 'C27', 'H62'),
  ...byPrefix('PLANNING', 'D45', 'E47', 'E48', 'E49', 'E50', 'K70'),
  ...byPrefix('WATER', 'D46', 'N76'),
  ...byPrefix('MARKET', 'F51', 'F52'),
  ...byPrefix('CONSTRUCTION', 'G53', 'G54', 'G55'),
  ...byPrefix('TRAFFIC_POLICE', 'G54'),
  ...byPrefix('POST', 'G60'),
  ...byPrefix('POLICE', 'H61'),
  ...byPrefix('CULTURE_TOURISM', 'R87', 'R88', 'R89', 'R90', 'I6422'),
  ...byPrefix('EDUCATION', 'P83'),
  ...byPrefix('HEALTH', 'Q84'),
  ...byPrefix('CIVIL_AFFAIRS', 'Q85', 'O8080'),
  ...byPrefix('ENVIRONMENT', 'N77'),
  ...byPrefix('POLICE', 'O80'),
  ...byPrefix('FARM_MACHINERY', 'O81'),
  ...byClass('POLICE', 'NINE_SMALL', 'KEY_FIRE_UNIT', 'FIREWORKS'),
  ...byClass(
    'EMERGENCY',
    'HAZARDOUS_CHEMICALS',
    'NON_COAL_MINE',
    'METALLURGY',
    'DUST_EXPLOSION',
    'AMMONIA_REFRIGERATION',
  ),
  ...byClass('MARKET', 'FIREWORKS'),
];
