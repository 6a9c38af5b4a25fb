// The routing rules a city starts from until an administrator saves its own. Rules name categories
// by their path of names (一级 › 二级 › 三级), resolved to codes against the loaded taxonomy, so
// the same defaults fit the shared Beijing taxonomy and jiesu's small default tree; a path the
// taxonomy lacks is skipped. Most city-management matters go to the street of the location (属地),
// utilities to the enterprise of that kind (水/电/气/热), a few matters to the competent
// department; whatever resolves to nothing falls back to the district (兜底, in suggestLeadUnit).
import type { RoutingRule, RoutingTarget } from '@jiesu/core';

export interface NamedCategory {
  code: string;
  name: string;
  parentCode: string | null;
}

interface NamedRule {
  id: string;
  path: string[];
  target: RoutingTarget;
  note: string;
}

const enterprise = (kind: string): RoutingTarget => ({ kind: 'unit_class', unitClass: 'enterprise', departmentKind: kind });
const department = (kind: string): RoutingTarget => ({ kind: 'unit_class', unitClass: 'department', departmentKind: kind });

const NAMED_RULES: NamedRule[] = [
  // utilities: the enterprise of that kind (the district's own, else the city's)
  { id: 'water-supply', path: ['城乡建设', '城市建设和市政管理', '自来水供应'], target: enterprise('水'), note: '自来水: the water company.' },
  { id: 'power-supply', path: ['城乡建设', '城市建设和市政管理', '电力供应'], target: enterprise('电'), note: '电力: the power company.' },
  { id: 'gas-supply', path: ['城乡建设', '城市建设和市政管理', '燃气供应'], target: enterprise('气'), note: '燃气: the gas company.' },
  { id: 'heating', path: ['城乡建设', '城市建设和市政管理', '冬季采暖'], target: enterprise('热'), note: '供暖: the heating company.' },
  { id: 'bus', path: ['城乡建设', '城市建设和市政管理', '公共汽车'], target: enterprise('公交'), note: '公交: the bus company.' },
  { id: 'metro', path: ['城乡建设', '城市建设和市政管理', '地铁城铁'], target: enterprise('轨道交通'), note: '地铁: the metro operator.' },
  { id: 'housing-fund', path: ['城乡建设', '住房保障与房地产', '住房公积金'], target: department('公积金'), note: '公积金: the housing provident fund centre.' },
  // jiesu's default tree
  { id: 'default-tree-water', path: ['公用事业', '供水'], target: enterprise('水'), note: '供水: the water company.' },
  { id: 'default-tree-power', path: ['公用事业', '供电'], target: enterprise('电'), note: '供电: the power company.' },
  { id: 'default-tree-gas', path: ['公用事业', '燃气'], target: enterprise('气'), note: '燃气: the gas company.' },
  { id: 'default-tree-telecom', path: ['公用事业', '通信'], target: enterprise('通信'), note: '通信: the telecom operators.' },
  { id: 'default-tree-heating', path: ['城乡建设', '供暖'], target: enterprise('热'), note: '供暖: the heating company.' },
  // matters for a competent department (the district's, else the city's)
  { id: 'labour', path: ['劳动和社会保障'], target: department('人力社保'), note: '劳动社保: human resources and social security.' },
  { id: 'education', path: ['教育文体'], target: department('教育'), note: '教育: the education commission.' },
  { id: 'health', path: ['卫生计生'], target: department('卫生健康'), note: '卫生: the health commission.' },
  { id: 'health-default-tree', path: ['卫生健康'], target: department('卫生健康'), note: '卫生: the health commission.' },
  { id: 'market', path: ['商贸旅游', '市场监管'], target: department('市场监管'), note: '市场监管: market regulation.' },
  { id: 'market-default-tree', path: ['市场监管'], target: department('市场监管'), note: '市场监管: market regulation.' },
  { id: 'transport', path: ['交通运输'], target: department('交通'), note: '交通: the transport commission.' },
  { id: 'public-security', path: ['政法'], target: department('公安'), note: '政法 (户籍, 治安): public security.' },
];

/** The catch-all: everything else goes to the street of the location (属地管理). */
const STREET_RULE: RoutingRule = {
  id: 'street-default',
  categoryPrefix: '',
  target: { kind: 'unit_class', unitClass: 'street' },
  priority: 0,
  note: 'Everything else: the street or township of the location (属地); the district backstops when no street is known.',
};

export function defaultRoutingRules(categories: readonly NamedCategory[]): RoutingRule[] {
  const byParentAndName = new Map(categories.map((c) => [`${c.parentCode ?? ''}\u0000${c.name}`, c.code]));
  const codeOf = (path: readonly string[]): string | null => {
    let parent = '';
    for (const name of path) {
      const code = byParentAndName.get(`${parent}\u0000${name}`);
      if (code === undefined) return null;
      parent = code;
    }
    return parent;
  };
  const rules: RoutingRule[] = [STREET_RULE];
  for (const r of NAMED_RULES) {
    const code = codeOf(r.path);
    if (code !== null) rules.push({ id: r.id, categoryPrefix: code, target: r.target, priority: 10, note: `${r.path.join(' › ')} — ${r.note}` });
  }
  return rules;
}
