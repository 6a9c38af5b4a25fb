// The routing rules a city starts from until an administrator saves its own. Rules name categories
// by their path of names (一级 › 二级 › 三级), resolved to codes against the loaded taxonomy, so
// the same defaults fit jiesu's own tree and a city's taxonomy in the common 12345 layout; a path
// the taxonomy lacks is skipped. Category leaves are routed by the dispatch catalogue
// (@jiesu/reference DEFAULT_DISPATCH_CATALOGUE), which is consulted alongside these rules. Most city-management matters go to the street of the location (属地),
// utilities to the enterprise of that kind (水/电/气/热), a few matters to the competent
// department; whatever resolves to nothing falls back to the district (兜底, in suggestLeadUnit).
import type { RoutingRule, RoutingTarget } from './routing-rules';

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
  // jiesu's own tree (category-tree.ts). Its leaves are routed by the dispatch catalogue; these
  // rules cover a level-1 or level-2 category chosen or predicted without a leaf.
  { id: 'gas', path: ['城乡建设', '燃气供应'], target: enterprise('气'), note: '燃气: the gas company.' },
  { id: 'water', path: ['城乡建设', '供水排水'], target: enterprise('水'), note: '供水: the water company.' },
  { id: 'power', path: ['城乡建设', '电力供应'], target: enterprise('电'), note: '电力: the power company.' },
  { id: 'heating', path: ['城乡建设', '冬季供暖'], target: enterprise('热'), note: '供暖: the heating company.' },
  { id: 'telecom', path: ['城乡建设', '通信设施'], target: enterprise('通信'), note: '通信: the telecom operators.' },
  { id: 'public-transport', path: ['交通管理', '公共交通'], target: department('交通'), note: '公共交通: the transport commission.' },
  { id: 'market', path: ['市场管理'], target: department('市场监管'), note: '市场监管: market regulation.' },
  { id: 'labour', path: ['社会保障', '劳动关系'], target: department('人力社保'), note: '劳动关系: human resources and social security.' },
  { id: 'social-insurance', path: ['社会保障', '社会保险'], target: department('人力社保'), note: '社会保险: human resources and social security.' },
  { id: 'education', path: ['教育'], target: department('教育'), note: '教育: the education commission.' },
  { id: 'health', path: ['卫生健康'], target: department('卫生健康'), note: '卫生: the health commission.' },
  { id: 'housing', path: ['住房保障'], target: department('住房建设'), note: '住房: the housing and construction commission.' },
  { id: 'housing-fund', path: ['住房保障', '住房公积金'], target: department('公积金'), note: '公积金: the housing provident fund centre.' },
  { id: 'public-order', path: ['公共安全', '治安管理'], target: department('公安'), note: '治安, 户籍: public security.' },
  // A city's own taxonomy loaded with JIESU_CATEGORY_FILE in the common 12345 layout: the same
  // principles by its names (paths it lacks are skipped).
  { id: 'water-supply', path: ['城乡建设', '城市建设和市政管理', '自来水供应'], target: enterprise('水'), note: '自来水: the water company.' },
  { id: 'power-supply', path: ['城乡建设', '城市建设和市政管理', '电力供应'], target: enterprise('电'), note: '电力: the power company.' },
  { id: 'gas-supply', path: ['城乡建设', '城市建设和市政管理', '燃气供应'], target: enterprise('气'), note: '燃气: the gas company.' },
  { id: 'winter-heating', path: ['城乡建设', '城市建设和市政管理', '冬季采暖'], target: enterprise('热'), note: '供暖: the heating company.' },
  { id: 'bus', path: ['城乡建设', '城市建设和市政管理', '公共汽车'], target: enterprise('公交'), note: '公交: the bus company.' },
  { id: 'metro', path: ['城乡建设', '城市建设和市政管理', '地铁城铁'], target: enterprise('轨道交通'), note: '地铁: the metro operator.' },
  { id: 'provident-fund', path: ['城乡建设', '住房保障与房地产', '住房公积金'], target: department('公积金'), note: '公积金: the housing provident fund centre.' },
  { id: 'labour-and-social-security', path: ['劳动和社会保障'], target: department('人力社保'), note: '劳动社保: human resources and social security.' },
  { id: 'education-culture', path: ['教育文体'], target: department('教育'), note: '教育: the education commission.' },
  { id: 'health-family-planning', path: ['卫生计生'], target: department('卫生健康'), note: '卫生: the health commission.' },
  { id: 'trade-market', path: ['商贸旅游', '市场监管'], target: department('市场监管'), note: '市场监管: market regulation.' },
  { id: 'transport', path: ['交通运输'], target: department('交通'), note: '交通: the transport commission.' },
  { id: 'politics-law', path: ['政法'], target: department('公安'), note: '政法 (户籍, 治安): public security.' },
];

/** The catch-all: everything else goes to the street of the location (属地管理). */
const STREET_RULE: RoutingRule = {
  id: 'street-default',
  categoryPrefix: '',
  target: { kind: 'unit_class', unitClass: 'street' },
  priority: 0,
  note: 'Everything else: the street or township of the location (属地); the district backstops when no street is known.',
};

/** Resolves a path of names (一级, 二级, 三级) to a code in the given tree; null when a name is missing. */
export function categoryPathResolver(categories: readonly NamedCategory[]): (path: readonly string[]) => string | null {
  const byParentAndName = new Map(categories.map((c) => [`${c.parentCode ?? ''}\u0000${c.name}`, c.code]));
  return (path) => {
    let parent = '';
    for (const name of path) {
      const code = byParentAndName.get(`${parent}\u0000${name}`);
      if (code === undefined) return null;
      parent = code;
    }
    return parent === '' ? null : parent;
  };
}

export function defaultRoutingRules(categories: readonly NamedCategory[]): RoutingRule[] {
  const codeOf = categoryPathResolver(categories);
  const rules: RoutingRule[] = [STREET_RULE];
  for (const r of NAMED_RULES) {
    const code = codeOf(r.path);
    if (code !== null) rules.push({ id: r.id, categoryPrefix: code, target: r.target, priority: 10, note: `${r.path.join(' › ')} — ${r.note}` });
  }
  return rules;
}
