import { panelsZhCN } from './panels.zh-CN';
/** Simplified Chinese, the default locale; `en.ts` must have the same keys. */
export const zhCN = {
  app: {
    name: '网格卫士',
    latinName: 'Gridwarden',
    tagline: '安全生产网格化管理',
  },
  header: {
    summary: '{{grids}} 个网格 · {{enterprises}} 家企业',
    switchLanguage: 'English',
    switchLanguageTitle: 'Switch to English',
  },
  layers: {
    title: '图层',
    enterprises: '企业',
    levelFallback: '{{level}} 级网格',
    violations: '覆盖问题',
    count: '{{count}}',
  },
  legend: {
    title: '企业类别',
    HIGH_RISK: '高危企业',
    NINE_SMALL: '九小场所',
    ABOVE_SCALE: '规模以上企业',
    OTHER: '其他企业',
    cluster: '缩小时按区域合计的企业数',
  },
  rules: {
    GAP: '空白区（未覆盖）',
    OVERLAP: '交叉重叠',
    OUTSIDE_PARENT: '超出上级网格',
    ENTERPRISE_UNCOVERED: '企业不在任何基础网格',
    ENTERPRISE_MULTI_COVERED: '企业被重复覆盖',
    ENTERPRISE_NEAR_BOUNDARY: '企业紧邻网格边界',
    GRID_SIZE: '网格企业数不在标准内',
    GRID_UNSTAFFED: '网格无人员',
    SECTOR_UNASSIGNED: '企业无行业监管部门',
  },
  basemap: {
    title: '底图',
    none: '仅本系统数据',
    'tianditu-vector': '天地图矢量',
    'tianditu-imagery': '天地图影像',
  },
  loading: {
    setup: '读取辖区和网格层级…',
    drawing: '绘制地图…',
  },
  error: {
    unreachableTitle: '无法连接到网格卫士服务',
    unreachableBody: '地图数据来自 {{url}}，该服务目前无法访问。请确认服务已启动，然后重试。',
    mapTitle: '地图无法显示',
    mapBody: '浏览器无法创建地图（需要 WebGL）。请更换浏览器或开启硬件加速后重试。',
    detail: '技术信息',
    retry: '重试',
  },
  tooltip: {
    enterprises: '{{count}} 家企业',
    code: '编码 {{code}}',
  },
  panels: panelsZhCN,
  map: {
    label: '网格地图',
  },
  login: {
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    wrongCredentials: '用户名或密码错误',
    refused: '无法登录：{{detail}}',
    unreachable: '无法连接到网格卫士服务：{{detail}}',
    logout: '退出登录',
  },
  roles: {
    ADMIN: '管理员',
    PLANNER: '网格规划员',
    SUPERVISOR: '监管人员',
    OFFICER: '网格员',
    INTEGRATOR: '系统对接',
  },
} as const;

type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> };
/** The shape every locale must fill in. */
export type GridwardenTranslations = Translations<typeof zhCN>;
