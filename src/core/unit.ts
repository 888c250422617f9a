/** What a unit measures; counts take whole numbers, percentages 0–100. */
export type UnitCategory = 'count' | 'percent' | 'money' | 'length' | 'area' | 'mass' | 'energy' | 'data' | 'rate' | 'time' | 'ratio';

export interface UnitInfo {
  /** The unit as it is stored: 万元 is stored as 元 with the value scaled. */
  readonly unit: string;
  readonly category: UnitCategory;
  /** Chinese numerals may count with it (四个, 三所); not so for 次 (一次性, 二次供水). */
  readonly chineseCountable: boolean;
}

const counts = (names: string, chineseCountable = true): [string, UnitInfo][] =>
  names.split(' ').map((name) => [name, { unit: name, category: 'count', chineseCountable }]);
const measures = (category: UnitCategory, names: string): [string, UnitInfo][] =>
  names.split(' ').map((name) => [name, { unit: name, category, chineseCountable: false }]);

/** Spellings that fold into another unit with a factor: 万元 → 元 × 10⁴. */
const SCALED: ReadonlyArray<readonly [spelling: string, unit: string, factor: number]> = [
  ['万元', '元', 1e4],
  ['亿元', '元', 1e8],
  ['千元', '元', 1e3],
  ['万平方米', '平方米', 1e4],
  ['千米', '公里', 1],
];

const TABLE = new Map<string, UnitInfo>([
  ...counts('个 家 所 户 项 篇 路 位 座 台 颗 处 条 件 套 辆 根 块 栋 幢 间 张 名 人 支 种 款 类 大类 门 部 片 盏 组 批次 份 本 册 只 艘 架 宗 棵 株'),
  ...counts('头 起 羽'),
  ...counts('次 人次 场 场次 期次 家次 户次 车次 剂次 架次', false),
  ...measures('percent', '% ‰ 个百分点'),
  ...measures('money', '元 美元'),
  ...measures('length', '公里 米'),
  ...measures('area', '平方米 平方公里 公顷 亩'),
  ...measures('mass', '吨 千克 公斤 斤'),
  ...measures('rate', '微克/立方米 毫克/升 毫克/立方米'),
  ...measures('energy', '千瓦 兆瓦 千瓦时 度 兆瓦时'),
  ...measures('data', 'G GB T TB P PB M MB 兆 核 PFlops TFlops'),
  ...measures('rate', 'Gbps Mbps Tbps'),
  ...measures('time', '天 小时 分钟 个工作日 工作日 个月 岁'),
  ...measures('ratio', '倍'),
]);

/** Every spelling, longest first, for the scanner's alternation. */
export const UNIT_SPELLINGS: readonly string[] = [...TABLE.keys(), ...SCALED.map(([s]) => s)].sort(
  (a, b) => b.length - a.length,
);

/** Unit and factor for a spelling found in text, e.g. 万元 → { 元, 10⁴ }. */
export function resolveUnit(spelling: string): { info: UnitInfo; factor: number } | undefined {
  const scaled = SCALED.find(([s]) => s === spelling);
  if (scaled) {
    const info = TABLE.get(scaled[1]);
    return info && { info, factor: scaled[2] };
  }
  const info = TABLE.get(spelling);
  return info && { info, factor: 1 };
}

/** Category of a stored unit; unknown units (and '') count as 'count'. */
export function unitCategory(unit: string): UnitCategory {
  if (unit.includes('/')) return 'rate'; // 万元/人, 吨/年
  return TABLE.get(unit)?.category ?? 'count';
}

/** Whether values in this unit must be whole numbers. */
export function isCountUnit(unit: string): boolean {
  return unitCategory(unit) === 'count';
}

/** The unit a plan writes a figure in, where it is a multiple of the stored one: 亿元 = 10⁸ 元, 万户 = 10⁴ 户. */
export interface StatedUnit {
  readonly unit: string;
  readonly factor: number;
}

/** The unit a target's figures are shown and typed in on sheets: the plan's own (亿元), else the stored one. */
export function statedUnitOf(target: { readonly unit: string; readonly stated?: StatedUnit | undefined }): StatedUnit {
  return target.stated ?? { unit: target.unit, factor: 1 };
}

/** A stored value in a stated unit (120000000 元 → 1.2 亿元), free of binary noise. */
export function inStated(value: number, unit: StatedUnit): number {
  return unit.factor === 1 ? value : Math.round((value / unit.factor) * 1e9) / 1e9;
}

/** A value typed in a stated unit, in the stored one (1.2 亿元 → 120000000 元). */
export function fromStated(value: number, unit: StatedUnit): number {
  return unit.factor === 1 ? value : Math.round(value * unit.factor * 1e6) / 1e6;
}
