/**
 * Chinese name material for the demo: people, places, trade names. Common Shandong
 * surnames come first and are repeated to weight them.
 */
import type { SeededRandom } from './random.source';

const SURNAMES = [
  '王',
  '王',
  '王',
  '张',
  '张',
  '张',
  '李',
  '李',
  '李',
  '刘',
  '刘',
  '刘',
  '孙',
  '孙',
  '陈',
  '陈',
  '杨',
  '杨',
  '赵',
  '赵',
  '徐',
  '马',
  '高',
  '朱',
  '于',
  '胡',
  '郭',
  '吕',
  '宋',
  '田',
  '韩',
  '杜',
  '袁',
  '董',
  '崔',
  '魏',
  '庞',
  '孔',
  '颜',
  '曹',
  '彭',
  '武',
  '姜',
  '潘',
  '邵',
  '任',
  '梁',
  '周',
  '吴',
  '郑',
  '石',
  '冯',
  '尹',
  '薛',
  '邱',
  '葛',
  '丁',
  '鲁',
  '牛',
  '许',
  '谢',
  '程',
  '贾',
];

const GIVEN = [
  '建',
  '国',
  '明',
  '华',
  '伟',
  '强',
  '军',
  '平',
  '红',
  '丽',
  '敏',
  '静',
  '芳',
  '磊',
  '涛',
  '鹏',
  '刚',
  '海',
  '燕',
  '玉',
  '兰',
  '秀',
  '英',
  '峰',
  '亮',
  '辉',
  '超',
  '勇',
  '杰',
  '霞',
  '凤',
  '梅',
  '林',
  '文',
  '志',
  '春',
  '晓',
  '光',
  '新',
  '宏',
  '永',
  '德',
  '成',
  '立',
  '振',
  '庆',
  '东',
  '宁',
  '波',
  '丹',
  '娟',
  '艳',
  '琳',
  '雪',
  '颖',
  '帅',
  '浩',
  '宇',
  '博',
  '鑫',
  '欣',
  '婷',
  '悦',
  '昌',
];

/** 字号: the distinctive part of a business name. */
const TRADE_NAMES = [
  '鑫源',
  '华泰',
  '恒信',
  '宏达',
  '金鹏',
  '瑞丰',
  '顺发',
  '永盛',
  '聚源',
  '兴隆',
  '福泰',
  '天成',
  '汇通',
  '众力',
  '盛世',
  '东方',
  '泰和',
  '嘉禾',
  '昌盛',
  '鸿运',
  '鲁沂',
  '沂蒙',
  '祥和',
  '富源',
  '金诺',
  '诚信',
  '德润',
  '信达',
  '康泰',
  '安泰',
  '新华',
  '宇航',
  '中恒',
  '华鲁',
  '山和',
  '绿源',
  '丰润',
  '百川',
  '金阳',
  '润生',
  '利民',
  '荣昌',
  '正大',
  '佳和',
  '万通',
  '宏图',
  '金源',
];

const VILLAGE_FEATURES = [
  '庄',
  '家庄',
  '家峪',
  '家沟',
  '家岭',
  '官庄',
  '家河',
  '家湖',
  '家埠',
  '家疃',
  '家店',
  '家寨',
];
const VILLAGE_PLACES = [
  '岭',
  '河',
  '埠',
  '坡',
  '峪',
  '官庄',
  '王庄',
  '石门',
  '杏林',
  '柳沟',
  '桃园',
  '龙泉',
  '马莲',
  '沙沟',
  '洼子',
  '集',
  '湖',
  '疃',
  '崖',
  '山',
  '泉',
  '台',
  '营',
  '店子',
  '石河',
  '松林',
  '枣园',
];
const DIRECTIONS = ['东', '西', '南', '北', '前', '后', '上', '下', '大', '小', '中'];
const COMMUNITY_WORDS = [
  '沂河',
  '滨河',
  '正阳',
  '长安',
  '文化',
  '东关',
  '西关',
  '南关',
  '北关',
  '朝阳',
  '幸福',
  '和平',
  '兴华',
  '新华',
  '阳光',
  '花园',
  '锦绣',
  '振兴',
  '建设',
  '人民',
  '双龙',
  '龙湾',
  '温泉',
  '青年',
];
const PLACE_FIRST = [
  '东',
  '西',
  '南',
  '北',
  '青',
  '平',
  '安',
  '临',
  '高',
  '长',
  '新',
  '宁',
  '阳',
  '泰',
  '兴',
  '龙',
  '凤',
  '金',
  '石',
  '柳',
  '桃',
  '梁',
  '汶',
  '蒙',
  '莒',
  '滕',
  '邹',
  '昌',
  '利',
  '寿',
  '莱',
  '荣',
  '威',
  '黄',
  '广',
  '济',
  '曲',
  '齐',
  '商',
  '博',
  '桓',
  '岱',
  '崂',
  '胶',
  '诸',
  '蒲',
  '清',
  '沾',
  '惠',
  '庆',
  '禹',
  '乐',
  '夏',
  '武',
  '冠',
  '莘',
  '鄄',
  '郓',
  '巨',
  '定',
  '嘉',
  '文',
  '福',
  '丰',
];
const PLACE_SECOND = [
  '山',
  '水',
  '河',
  '城',
  '阳',
  '平',
  '安',
  '宁',
  '丘',
  '泉',
  '陵',
  '州',
  '口',
  '台',
  '营',
  '庄',
  '沟',
  '埠',
  '原',
  '丰',
  '信',
  '兴',
  '远',
  '海',
  '林',
  '邑',
  '峰',
  '川',
  '亭',
  '浦',
  '乡',
  '集',
];

/** The real towns and sub-districts of 沂水县 (2020 division), in code order. */
export const YISHUI_TOWNS: readonly { name: string; kind: TownKind }[] = [
  { name: '沂城街道', kind: 'SUBDISTRICT' },
  { name: '龙家圈街道', kind: 'SUBDISTRICT' },
  { name: '许家湖镇', kind: 'TOWN' },
  { name: '黄山铺镇', kind: 'TOWN' },
  { name: '诸葛镇', kind: 'TOWN' },
  { name: '崔家峪镇', kind: 'TOWN' },
  { name: '四十里堡镇', kind: 'TOWN' },
  { name: '杨庄镇', kind: 'TOWN' },
  { name: '夏蔚镇', kind: 'TOWN' },
  { name: '沙沟镇', kind: 'TOWN' },
  { name: '高庄镇', kind: 'TOWN' },
  { name: '院东头镇', kind: 'TOWN' },
  { name: '富官庄镇', kind: 'TOWN' },
  { name: '道托镇', kind: 'TOWN' },
  { name: '高桥镇', kind: 'TOWN' },
  { name: '泉庄镇', kind: 'TOWN' },
  { name: '马站镇', kind: 'TOWN' },
  { name: '圈里乡', kind: 'TOWNSHIP' },
];

/** Statistical division codes: 街道 0xx, 镇 1xx, 乡 2xx. */
export type TownKind = 'SUBDISTRICT' | 'TOWN' | 'TOWNSHIP';

export function personName(rng: SeededRandom): string {
  const given = rng.chance(0.75) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

export function surname(rng: SeededRandom): string {
  return rng.pick(SURNAMES);
}

/** A mainland mobile number: 11 digits, 1[3-9]… */
export function mobilePhone(rng: SeededRandom): string {
  let s = '1' + String(rng.int(3, 9));
  for (let i = 0; i < 9; i += 1) s += String(rng.int(0, 9));
  return s;
}

export function tradeName(rng: SeededRandom): string {
  return rng.pick(TRADE_NAMES);
}

/** A name not yet in `used`, made by `make`; adds it to `used`. */
function unique(used: Set<string>, make: () => string, fallback: (n: number) => string): string {
  for (let i = 0; i < 50; i += 1) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let n = 2; ; n += 1) {
    const name = fallback(n);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export function villageName(rng: SeededRandom, used: Set<string>): string {
  const make = (): string => {
    const r = rng.next();
    if (r < 0.45) return rng.pick(SURNAMES) + rng.pick(VILLAGE_FEATURES) + '村';
    if (r < 0.8) return rng.pick(DIRECTIONS) + rng.pick(VILLAGE_PLACES) + '村';
    return rng.pick(DIRECTIONS) + rng.pick(SURNAMES) + rng.pick(VILLAGE_FEATURES) + '村';
  };
  return unique(used, make, (n) => `${rng.pick(SURNAMES)}家庄${n}村`);
}

export function communityName(rng: SeededRandom, used: Set<string>): string {
  return unique(
    used,
    () => rng.pick(COMMUNITY_WORDS) + '社区',
    (n) => `${rng.pick(COMMUNITY_WORDS)}${n}社区`,
  );
}

/** A two-character place stem such as 临平, unique within `used`. */
export function placeStem(rng: SeededRandom, used: Set<string>): string {
  return unique(
    used,
    () => rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND),
    (n) => `${rng.pick(PLACE_FIRST)}${n}`,
  );
}
