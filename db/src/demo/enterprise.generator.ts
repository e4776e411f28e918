/**
 * One enterprise's ledger record (seed 003 survey fields): name, USCC, scale, industry,
 * classes, people and status, drawn to look like a Shandong county's mix.
 */
import type { EnterpriseStatus, RiskClass, Scale } from '../reference/enterprise-classes';
import { organisationCheckCharacter, usccCheckCharacter, USCC_CHARSET } from '../reference/uscc';
import type { DemoEnterprise } from './demo.types';
import { INDUSTRIES, IndustryEntry, UNASSIGNED_INDUSTRIES } from './industry.catalogue';
import { mobilePhone, personName, surname, tradeName } from './names.catalogue';
import { hashInts, hashUnit, SeededRandom } from './random.source';

export interface EnterprisePlace {
  lon: number;
  lat: number;
  /** 6-digit administrative division code that goes into the USCC. */
  divisionCode: string;
  countyName: string;
  countyShort: string;
  townName: string;
  villageName: string;
}

export interface EnterpriseOptions {
  /** Unique per seed; makes the USCC organisation code unique. */
  serial: number;
  seed: number;
  /** False keeps the enterprise OPERATING (size counts of a non-exempt grid stay in range whichever statuses a rule counts). */
  mayBeInactive: boolean;
  /** Planted SECTOR_UNASSIGNED: an industry no sector rule maps and no class. */
  unassigned?: boolean;
}

/** Scale shares: ABOVE ~3 %, BELOW ~20 %, MICRO ~40 %, INDIVIDUAL the rest. */
const SCALE_SHARES: readonly [Scale, number][] = [
  ['ABOVE', 0.03],
  ['BELOW', 0.2],
  ['MICRO', 0.4],
  ['INDIVIDUAL', 0.37],
];

const EMPLOYEES: Record<Scale, [number, number]> = {
  ABOVE: [100, 1500],
  BELOW: [20, 300],
  MICRO: [3, 60],
  INDIVIDUAL: [1, 8],
};

/** Smaller firms in a hazardous trade are less often formally classed high-risk (target ~3 % overall). */
const RISK_BY_SCALE: Record<Scale, number> = { ABOVE: 1, BELOW: 0.5, MICRO: 0.2, INDIVIDUAL: 0 };

const MAJOR_HAZARD_CLASSES: readonly RiskClass[] = [
  'HAZARDOUS_CHEMICALS',
  'FIREWORKS',
  'METALLURGY',
];

/** Organisation-code bodies are a bijection of the serial modulo 10^8, so no two collide. */
function organisationCode(serial: number, seed: number): string {
  if (serial < 0 || serial >= 1e8) throw new RangeError(`serial ${serial} out of range`);
  const offset = hashInts(seed, 0x05cc) % 1e8;
  // 48271 is prime and coprime to 10^8, so multiplication by it permutes the residues
  const perm = (((serial * 48271) % 1e8) + offset) % 1e8;
  let body: string;
  if (hashUnit(seed, serial, 0x0a) < 0.6) {
    // codes issued since 2015 start with MA followed by base-31 characters
    let v = perm;
    let tail = '';
    for (let i = 0; i < 6; i += 1) {
      tail = USCC_CHARSET[v % 31] + tail;
      v = Math.floor(v / 31);
    }
    body = 'MA' + tail;
  } else {
    body = String(perm).padStart(8, '0');
  }
  return body + organisationCheckCharacter(body);
}

export function makeUscc(
  prefix: string,
  divisionCode: string,
  serial: number,
  seed: number,
): string {
  const first17 = prefix + divisionCode + organisationCode(serial, seed);
  return first17 + usccCheckCharacter(first17);
}

function pickScale(rng: SeededRandom): Scale {
  return rng.weighted(SCALE_SHARES, ([, p]) => p)[0];
}

function companySuffix(rng: SeededRandom, scale: Scale, entry: IndustryEntry): string {
  if (scale === 'ABOVE') return rng.pick(['有限公司', '有限公司', '股份有限公司', '集团有限公司']);
  if (scale === 'MICRO' && entry.code.startsWith('C') && rng.chance(0.3)) return '厂';
  return '有限公司';
}

function enterpriseName(
  rng: SeededRandom,
  entry: IndustryEntry,
  scale: Scale,
  place: EnterprisePlace,
  owner: string,
): string {
  if (scale === 'INDIVIDUAL') {
    const r = rng.next();
    if (entry.code.startsWith('A'))
      return `${place.countyName}${place.villageName}${owner}${entry.shop}`;
    if (r < 0.4) return `${place.countyName}${tradeName(rng)}${entry.shop}`;
    if (r < 0.75) return `${place.countyName}${place.townName}${owner[0]}记${entry.shop}`;
    return `${place.countyName}${place.townName}${owner}${entry.shop}`;
  }
  if (entry.form === 'cooperative')
    return `${place.countyName}${place.villageName}${entry.trade}专业合作社`;
  if (entry.form === 'institution') {
    if (entry.trade === '卫生室')
      return `${place.countyName}${place.townName}${place.villageName}卫生室`;
    return `${place.countyName}${place.townName}${rng.pick(['中心', '阳光', '仁爱', '康宁', '育英', '第一'])}${entry.trade}`;
  }
  const head = scale === 'BELOW' && rng.chance(0.15) ? '山东' : place.countyShort;
  return `${head}${tradeName(rng)}${entry.trade}${companySuffix(rng, scale, entry)}`;
}

/** GB 32100-2015 §5.1/5.2: 9x market regulation (1 company, 2 sole trader, 3 cooperative), 52 private non-enterprise unit. */
function usccPrefix(entry: IndustryEntry, scale: Scale): string {
  if (scale === 'INDIVIDUAL') return '92';
  if (entry.form === 'cooperative') return '93';
  if (entry.form === 'institution') return '52';
  return '91';
}

export function makeEnterprise(
  rng: SeededRandom,
  place: EnterprisePlace,
  opts: EnterpriseOptions,
): DemoEnterprise {
  let scale: Scale;
  let entry: IndustryEntry;
  if (opts.unassigned) {
    scale = rng.chance(0.7) ? 'MICRO' : 'BELOW';
    entry = rng.pick(UNASSIGNED_INDUSTRIES);
  } else {
    scale = pickScale(rng);
    entry = rng.weighted(INDUSTRIES, (e) => e.weights[scale]);
  }
  const riskClasses: RiskClass[] = [];
  let nineSmall = false;
  let keyFireUnit = false;
  if (!opts.unassigned) {
    // sole traders are not classed high-risk; their hazards are the nine-small venue kind
    if (entry.risk && rng.chance((entry.riskP ?? 0) * RISK_BY_SCALE[scale]))
      riskClasses.push(entry.risk);
    const nineP = entry.nineSmallP ?? 0;
    if (scale === 'INDIVIDUAL' || scale === 'MICRO') nineSmall = rng.chance(nineP * 0.7);
    else if (scale === 'BELOW') nineSmall = rng.chance(nineP * 0.2);
    const fireP =
      (entry.keyFireP ?? 0) + (scale === 'ABOVE' && entry.code.startsWith('C') ? 0.15 : 0);
    if (scale === 'ABOVE' || scale === 'BELOW') keyFireUnit = rng.chance(fireP);
    else if (scale === 'MICRO') keyFireUnit = rng.chance(fireP * 0.1);
  }
  const majorHazard =
    riskClasses.some((c) => MAJOR_HAZARD_CLASSES.includes(c)) &&
    rng.chance(scale === 'ABOVE' ? 0.5 : scale === 'BELOW' ? 0.1 : 0);
  const legalRepresentative = personName(rng);
  const safetyManager = scale === 'INDIVIDUAL' ? legalRepresentative : personName(rng);
  const owner = scale === 'INDIVIDUAL' ? legalRepresentative : surname(rng);
  let status: EnterpriseStatus = 'OPERATING';
  if (opts.mayBeInactive) {
    const r = rng.next();
    status = r < 0.93 ? 'OPERATING' : r < 0.97 ? 'SUSPENDED' : 'CLOSED';
  }
  const [minEmp, maxEmp] = EMPLOYEES[scale];
  return {
    uscc: makeUscc(usccPrefix(entry, scale), place.divisionCode, opts.serial, opts.seed),
    name: enterpriseName(rng, entry, scale, place, owner),
    address: `${place.countyName}${place.townName}${place.villageName}${rng.int(1, 399)}号`,
    lon: place.lon,
    lat: place.lat,
    industryCode: entry.code,
    scale,
    riskClasses,
    nineSmall,
    keyFireUnit,
    majorHazard,
    employees: rng.int(minEmp, maxEmp),
    status,
    legalRepresentative,
    safetyManager,
    phone: mobilePhone(rng),
  };
}
