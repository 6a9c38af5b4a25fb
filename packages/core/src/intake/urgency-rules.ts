// Urgency from keywords: administrator-editable rules (燃气泄漏 → emergency, 停水 → utilities …).
// The suggestion names the rule and the words that fired it; the operator confirms or overrides.
import { CASE_URGENCIES, type CaseUrgency } from '../cases/case-types';
import { bi, explained, type Explained } from './explanation';
import { normalizeIntakeText } from './normalize-text';
import { assertUniqueIds, invalidRule, requireFiniteNumber, requireNonEmptyString, requireOneOf } from './rule-validation';

export interface UrgencyRule {
  id: string;
  /**
   * Keywords, as a list or one string separated by '|'. A keyword may join words with '+', meaning
   * all of them in any order ('电梯+困' fires on '电梯坏了，人被困在里面').
   */
  pattern: string | readonly string[];
  urgency: CaseUrgency;
  /** Breaks ties between rules of the same urgency: higher wins. */
  priority: number;
  note?: string;
  /** Defaults to true; a switched-off rule is kept for the record but never fires. */
  isActive?: boolean;
}

export interface UrgencyRuleMatch {
  id: string;
  urgency: CaseUrgency;
  /** The keyword that fired, as written in the rule. */
  matched: string;
}

export interface UrgencySuggestion extends Explained {
  urgency: CaseUrgency;
  rule: { id: string; matched: string } | null;
  /** 0..1: a keyword hit is good evidence; "nothing matched" is weak evidence for general. */
  confidence: number;
  /** Every rule that fired, winner first, so the operator sees what else the text touched. */
  matches: UrgencyRuleMatch[];
}

/**
 * Severity decides first, priority second: a call about 停电 that also smells gas (煤气味) is an
 * emergency. complex outranks general because it only ever comes from a deliberate rule.
 */
export const URGENCY_SEVERITY: Record<CaseUrgency, number> = { emergency: 3, utilities: 2, complex: 1, general: 0 };

const CONFIDENCE = { keyword: 0.85, allWords: 0.75, none: 0.5 } as const;

/** Defaults a hotline would start from: risks to life and property are emergencies; loss of water, power, gas or heat is utilities. */
export const DEFAULT_URGENCY_RULES: readonly UrgencyRule[] = [
  {
    id: 'gas-leak',
    pattern: '燃气泄漏|煤气泄漏|天然气泄漏|漏气|煤气味|天然气味|燃气味|闻到煤气|闻到燃气|闻到天然气|煤气中毒|一氧化碳中毒',
    urgency: 'emergency',
    priority: 100,
    note: 'Gas: explosion and poisoning risk; the gas company goes at once.',
  },
  { id: 'fire', pattern: '火灾|着火|起火|失火|冒烟|浓烟|冒火|火苗', urgency: 'emergency', priority: 100, note: 'Fire or smoke: also tell the caller to dial 119.' },
  { id: 'electric-shock', pattern: '触电|电线掉落|电线断落|电线落地|高压线断|漏电', urgency: 'emergency', priority: 90, note: 'Live wires and shocks.' },
  { id: 'lift-entrapment', pattern: '电梯困人|困在电梯|被困电梯|电梯+困|电梯+关在里面', urgency: 'emergency', priority: 90, note: 'People trapped in a lift.' },
  { id: 'collapse', pattern: '塌陷|坍塌|地陷|塌方|倒塌|天坑|房屋+裂缝', urgency: 'emergency', priority: 90, note: 'Ground, road or building collapse.' },
  {
    id: 'manhole',
    pattern: '井盖丢失|井盖缺失|井盖被盗|没有井盖|没井盖|井盖破损|井盖塌|井盖+丢',
    urgency: 'emergency',
    priority: 80,
    note: 'Open manholes: fall risk for pedestrians and vehicles.',
  },
  {
    id: 'burst-pipe',
    pattern: '水管爆裂|爆管|管道爆裂|水管爆了|管子爆了|自来水管+爆|跑水',
    urgency: 'emergency',
    priority: 80,
    note: 'A burst pipe floods homes and roads while it runs.',
  },
  {
    id: 'falling-objects',
    pattern: '高空坠物|树木倒伏|大树倒|树倒了|广告牌+掉|广告牌+倒|坠落',
    urgency: 'emergency',
    priority: 70,
    note: 'Objects falling or fallen on a public way.',
  },
  { id: 'gas-supply', pattern: '停气|燃气停供|没有燃气|没燃气|没有天然气|燃气没气|打不着火', urgency: 'utilities', priority: 60, note: 'Gas supply lost (no leak mentioned).' },
  {
    id: 'heating',
    pattern: '暖气不热|没有暖气|没暖气|暖气不热乎|供暖不热|不供暖|停暖|室温低|室温不达标|暖气片不热|暖气漏水',
    urgency: 'utilities',
    priority: 50,
    note: 'Heating season complaints (室温 below standard).',
  },
  { id: 'water-supply', pattern: '停水|断水|没有水|没水了|没水|水压低|水压小|漏水严重|水管漏水', urgency: 'utilities', priority: 50, note: 'Water supply lost or badly leaking.' },
  { id: 'power-supply', pattern: '停电|断电|没有电|没电了|跳闸|供电中断', urgency: 'utilities', priority: 50, note: 'Power supply lost.' },
  { id: 'flooding-weather', pattern: '积水严重|道路积水|雨水倒灌|暴雨|暴雪|路面结冰|冰雹', urgency: 'utilities', priority: 40, note: 'Extreme weather and its consequences.' },
  { id: 'telecom', pattern: '断网|网络中断|通信中断|没有信号', urgency: 'utilities', priority: 20, note: 'Telecom outage.' },
  {
    id: 'long-standing',
    pattern: '历史遗留|多年未解决|反复投诉|多次反映|一直没解决',
    urgency: 'complex',
    priority: 10,
    note: 'Long-standing problems: the centre may grant the complex-case clock.',
  },
];

/** Chinese names of the urgencies, as the console shows them. */
const URGENCY_ZH: Record<CaseUrgency, string> = { emergency: '紧急', utilities: '水电气热', complex: '疑难复杂', general: '一般' };

/**
 * The default rules' notes in Chinese. Used only while a rule still carries its default note; a
 * note an administrator wrote is quoted as written, in whatever language it was written.
 */
const DEFAULT_NOTES_ZH: Record<string, string> = {
  'gas-leak': '燃气泄漏有爆炸和中毒风险，燃气公司须立即赶到',
  fire: '起火或冒烟，同时提醒来电人拨打119',
  'electric-shock': '带电电线或触电',
  'lift-entrapment': '有人被困电梯',
  collapse: '地面、道路或建筑塌陷',
  manhole: '井盖缺失，行人和车辆有坠落风险',
  'burst-pipe': '水管爆裂期间会淹没住户和道路',
  'falling-objects': '物体正在或已经坠落在公共通道上',
  'gas-supply': '燃气供应中断（未提及泄漏）',
  heating: '供暖季投诉（室温不达标）',
  'water-supply': '停水或严重漏水',
  'power-supply': '停电',
  'flooding-weather': '极端天气及其后果',
  telecom: '通信中断',
  'long-standing': '长期未解决的问题，中心可给予疑难复杂件时限',
};

function noteZh(rule: UrgencyRule): string | undefined {
  if (rule.note === undefined || rule.note.trim() === '') return undefined;
  const byDefault = DEFAULT_URGENCY_RULES.find((d) => d.id === rule.id);
  const zh = DEFAULT_NOTES_ZH[rule.id];
  return byDefault !== undefined && byDefault.note === rule.note && zh !== undefined ? zh : rule.note;
}

interface CompiledRule {
  rule: UrgencyRule;
  order: number;
  /** Each keyword: its text as written, and the normalised words that must all appear. */
  keywords: Array<{ raw: string; words: string[] }>;
}

// Compiled once per rules array (rules are loaded as a fresh array after every edit, never mutated
// in place), so suggesting on every keystroke does not re-split the patterns.
const compiledCache = new WeakMap<readonly UrgencyRule[], CompiledRule[]>();

/** Checks every rule; throws VALIDATION_FAILED naming the first bad field (e.g. 'rules[2].pattern'). */
export function validateUrgencyRules(rules: readonly UrgencyRule[]): void {
  compileUrgencyRules(rules);
}

export function suggestUrgency(text: string, rules: readonly UrgencyRule[] = DEFAULT_URGENCY_RULES): UrgencySuggestion {
  const normalized = normalizeIntakeText(text);
  const matches: Array<UrgencyRuleMatch & { c: CompiledRule; isAllWords: boolean }> = [];
  for (const c of compileUrgencyRules(rules)) {
    if (c.rule.isActive === false) continue;
    const hit = c.keywords.find((k) => k.words.every((w) => normalized.includes(w)));
    if (hit !== undefined) matches.push({ id: c.rule.id, urgency: c.rule.urgency, matched: hit.raw, c, isAllWords: hit.words.length > 1 });
  }
  matches.sort((a, b) => URGENCY_SEVERITY[b.urgency] - URGENCY_SEVERITY[a.urgency] || b.c.rule.priority - a.c.rule.priority || a.c.order - b.c.order);
  const win = matches[0];
  const listed = matches.map(({ id, urgency, matched }) => ({ id, urgency, matched }));
  if (win === undefined) {
    return {
      urgency: 'general',
      rule: null,
      confidence: CONFIDENCE.none,
      matches: [],
      ...explained(
        bi(
          'No urgency rule matched the text, so the default (general) is suggested; read the request for risks the rules do not name.',
          '没有命中任何紧急程度规则，因此建议默认的“一般”；请通读诉求，留意规则没有列出的风险。',
        ),
      ),
    };
  }
  const others = matches.slice(1);
  const note = noteZh(win.c.rule);
  return {
    urgency: win.urgency,
    rule: { id: win.id, matched: win.matched },
    confidence: win.isAllWords ? CONFIDENCE.allWords : CONFIDENCE.keyword,
    matches: listed,
    ...explained(
      bi(
        `Rule '${win.id}' matched '${win.matched}', so ${win.urgency} is suggested` +
          (win.c.rule.note ? ` (${win.c.rule.note})` : '') +
          '.' +
          (others.length > 0 ? ` Also matched: ${others.map((m) => `'${m.id}' (${m.urgency}, '${m.matched}')`).join(', ')}; the most severe wins.` : ''),
        `关键词「${win.matched}」命中规则 ${win.id}` +
          (note === undefined ? '' : `（${note}）`) +
          `，建议为${URGENCY_ZH[win.urgency]}。` +
          (others.length > 0 ? `另命中：${others.map((m) => `${m.id}（${URGENCY_ZH[m.urgency]}，「${m.matched}」）`).join('、')}；以最严重者为准。` : ''),
      ),
    ),
  };
}

function compileUrgencyRules(rules: readonly UrgencyRule[]): CompiledRule[] {
  const cached = compiledCache.get(rules);
  if (cached !== undefined) return cached;
  if (!Array.isArray(rules)) throw invalidRule('rules', 'must be a list of rules.', rules);
  const compiled = rules.map((rule, i) => compileOne(rule, i));
  assertUniqueIds(
    compiled.map((c) => c.rule.id),
    'rules',
  );
  compiledCache.set(rules, compiled);
  return compiled;
}

function compileOne(rule: UrgencyRule, i: number): CompiledRule {
  const field = `rules[${i}]`;
  const id = requireNonEmptyString(rule.id, `${field}.id`);
  requireOneOf(rule.urgency, CASE_URGENCIES, `${field}.urgency`);
  requireFiniteNumber(rule.priority, `${field}.priority`);
  if (rule.isActive !== undefined && typeof rule.isActive !== 'boolean') throw invalidRule(`${field}.isActive`, 'must be true or false.', rule.isActive);
  const raws = typeof rule.pattern === 'string' ? rule.pattern.split('|') : Array.isArray(rule.pattern) ? rule.pattern : null;
  if (raws === null || raws.length === 0) throw invalidRule(`${field}.pattern`, "needs keywords: a list, or one string separated by '|'.", rule.pattern);
  const keywords = raws.map((raw, k) => {
    const words = typeof raw === 'string' ? raw.split('+').map(normalizeIntakeText) : [];
    if (words.length === 0 || words.some((w) => w.length === 0)) {
      throw invalidRule(`${field}.pattern`, `keyword ${k + 1} ("${String(raw)}") is empty; remove stray '|' or '+' signs.`, rule.pattern);
    }
    return { raw: String(raw).trim(), words };
  });
  return { rule: { ...rule, id }, order: i, keywords };
}
