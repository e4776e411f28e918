/**
 * The two demo presets: one real-looking county (沂水县, Shandong) and a Shandong-sized
 * province. Extents and totals follow the brief; levels follow seed 003 (county → town →
 * village → base grid) with the classes of seed 000 art. 17.
 */
import type { DemoLevel, DemoPreset } from './demo.types';
import { TownKind, YISHUI_TOWNS } from './names.catalogue';

export interface PresetSpec {
  levels: DemoLevel[];
  extent: { west: number; south: number; east: number; north: number };
  /** Number of base grids (lattice cells) in the region. */
  baseGrids: number;
  /** Region area in m²; with baseGrids it fixes the cell size. */
  areaM2: number;
  enterprises: number;
  counties: number;
  townsPerCounty: number;
  /** Set for the county preset: the county is the region. */
  county?: {
    code: string;
    name: string;
    shortName: string;
    towns: readonly { name: string; kind: TownKind }[];
  };
  /** Set for the province preset. */
  province?: { code: string; name: string };
}

const COUNTY_LEVELS = (first: number): DemoLevel[] => [
  { level: first, nameZh: '县', nameEn: 'County', enterpriseClasses: ['ABOVE_SCALE', 'HIGH_RISK'] },
  {
    level: first + 1,
    nameZh: '乡镇/街道',
    nameEn: 'Town / sub-district',
    enterpriseClasses: ['BELOW_SCALE'],
  },
  {
    level: first + 2,
    nameZh: '村/社区',
    nameEn: 'Village / community',
    enterpriseClasses: [
      'NINE_SMALL',
      'KEY_FIRE_UNIT',
      'CONSTRUCTION',
      'TRADE_LOGISTICS',
      'AGRICULTURE',
    ],
  },
  {
    level: first + 3,
    nameZh: '基础网格',
    nameEn: 'Base grid',
    enterpriseClasses: ['MICRO_INDIVIDUAL'],
  },
];

// seed 000 art. 17 assigns classes from the top level down; a province works through its counties
const PROVINCE_LEVEL: DemoLevel = {
  level: 1,
  nameZh: '省',
  nameEn: 'Province',
  enterpriseClasses: [],
};

/** 沂水县: 15 of its 18 towns (the two sub-districts, twelve towns and 圈里乡). */
const YISHUI_FIFTEEN = [...YISHUI_TOWNS.slice(0, 14), YISHUI_TOWNS[17]];

export const PRESETS: Record<DemoPreset, PresetSpec> = {
  county: {
    levels: COUNTY_LEVELS(1),
    extent: { west: 118.25, south: 35.55, east: 118.95, north: 36.13 },
    baseGrids: 1000,
    areaM2: 2_400e6,
    enterprises: 25_000,
    counties: 1,
    townsPerCounty: 15,
    county: { code: '371323', name: '沂水县', shortName: '沂水', towns: YISHUI_FIFTEEN },
  },
  province: {
    levels: [
      PROVINCE_LEVEL,
      ...COUNTY_LEVELS(2).map((l) => ({
        ...l,
        nameZh: l.level === 2 ? '县/市/区' : l.nameZh,
        nameEn: l.level === 2 ? 'County / district' : l.nameEn,
      })),
    ],
    extent: { west: 114.8, south: 34.4, east: 122.7, north: 38.4 },
    baseGrids: 100_000,
    areaM2: 158_000e6,
    enterprises: 2_000_000,
    counties: 100,
    townsPerCounty: 15,
    province: { code: '370000', name: '山东省' },
  },
};
