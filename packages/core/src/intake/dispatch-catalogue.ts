// The dispatch catalogue (派单目录): what a hotline centre's dispatchers keep on the desk — for each
// common kind of call, the phrases residents use, the category leaf it belongs to, who leads
// (承办 — the enterprise for a utility fault, the street for a neighbourhood matter, the
// department for its licensed field, the district as backstop) and who co-handles (协办).
// Matching is pure: the text is normalised, each entry's keywords are looked for, and the entry
// with the strongest evidence wins; the explanation names the entry and the words it matched.
// When a trained category model is active, combineCategory decides between the two and says which
// decided. The catalogue's routing applies through ordinary routing rules (catalogueRoutingRules),
// so the lead is resolved the same way as any routing rule: by class, kind and location.
import { bi, type BilingualText, explained, type Explained } from './explanation';
import { normalizeIntakeText } from './normalize-text';
import { type RoutingRule, type RoutingTarget, validateRoutingTarget } from './routing-rules';
import { assertUniqueIds, invalidRule, requireNonEmptyString } from './rule-validation';

export interface DispatchEntry {
  /** Stable id ('gas-leak'): explanations, audit and simulation texts name entries by it. */
  id: string;
  /** The category leaf by its path of names (一级, 二级, 三级): survives a change of codes. */
  categoryPath: readonly string[];
  /** Phrases; '+' joins words that must all occur, in any order ('施工+夜间'). */
  keywords: readonly string[];
  /** Phrases that rule the entry out ('燃气泄漏' is not a 燃气收费 call). */
  excludes?: readonly string[];
  lead: RoutingTarget;
  coHandlers?: readonly RoutingTarget[];
  /** Why this lead — shown to the operator (English; the Chinese reading is in noteZh). */
  note?: string;
  noteZh?: string;
  isActive?: boolean;
}

export interface CatalogueMatch {
  entry: DispatchEntry;
  /** Evidence: the characters of matched keywords, subject hits counting 1.5 times. */
  score: number;
  /** The keywords that matched, as written in the entry. */
  matched: string[];
}

/** A match this strong names its leaf even against a confident model: two words, or one long phrase. */
export const CATALOGUE_STRONG_SCORE = 4;
/** Below this, a model's level-1 label is preferred when one is active. */
export const MODEL_DECIDES_PROBABILITY = 0.6;

const SUBJECT_WEIGHT = 1.5;

function parts(keyword: string): string[] {
  return keyword
    .split('+')
    .map((p) => normalizeIntakeText(p))
    .filter((p) => p.length > 0);
}

interface Compiled {
  keywords: string[][];
  excludes: string[][];
}

/** Keywords normalised once per entry object (entries are replaced, never mutated, on an edit). */
const compiled = new WeakMap<DispatchEntry, Compiled>();

function compile(entry: DispatchEntry): Compiled {
  let c = compiled.get(entry);
  if (c === undefined) {
    c = { keywords: entry.keywords.map(parts), excludes: (entry.excludes ?? []).map(parts) };
    compiled.set(entry, c);
  }
  return c;
}

/** Entries that match a request, strongest first (ties: catalogue order). */
export function matchDispatchCatalogue(subject: string, detail: string, entries: readonly DispatchEntry[], limit = 3): CatalogueMatch[] {
  const s = normalizeIntakeText(subject);
  const all = `${s}\u0000${normalizeIntakeText(detail)}`;
  const found: Array<CatalogueMatch & { order: number }> = [];
  entries.forEach((entry, order) => {
    if (entry.isActive === false) return;
    const c = compile(entry);
    if (c.excludes.some((ps) => ps.length > 0 && ps.every((p) => all.includes(p)))) return;
    let score = 0;
    const matched: string[] = [];
    for (const [i, k] of entry.keywords.entries()) {
      const ps = c.keywords[i] ?? [];
      if (ps.length === 0 || !ps.every((p) => all.includes(p))) continue;
      const length = ps.reduce((n, p) => n + p.length, 0);
      score += ps.every((p) => s.includes(p)) ? length * SUBJECT_WEIGHT : length;
      matched.push(k);
    }
    if (score > 0) found.push({ entry, score, matched, order });
  });
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  return found.slice(0, limit).map(({ entry, score, matched }) => ({ entry, score, matched }));
}

export type CategoryDecider = 'operator' | 'catalogue' | 'model' | 'catalogue_and_model' | 'none';

export interface CategoryDecision extends Explained {
  categoryCode: string | null;
  decidedBy: CategoryDecider;
}

export interface CombineCategoryInput {
  /** What the operator chose, if anything: it always wins. */
  given?: string | null;
  /** The best catalogue match and the code its path resolved to (null: the path is not in the tree). */
  catalogue: { match: CatalogueMatch; categoryCode: string | null } | null;
  /** The model's top label, mapped to a level-1 code (null: no model, or the label is not a category). */
  model: { label: string; probability: number; categoryCode: string | null } | null;
}

function entryText(m: CatalogueMatch, code: string): BilingualText {
  const words = m.matched.map((w) => `'${w}'`).join(', ');
  const wordsZh = m.matched.map((w) => `「${w}」`).join('、');
  const path = m.entry.categoryPath.join(' › ');
  return bi(
    `Dispatch catalogue entry '${m.entry.id}' matched ${words} (score ${m.score}): category ${path} (${code}).`,
    `派单目录条目「${m.entry.id}」命中 ${wordsZh}（得分 ${m.score}）：类别 ${path}（${code}）。`,
  );
}

/**
 * One category for the draft. The operator's choice wins. The catalogue names a leaf, the model
 * only a level-1 category: when they agree the leaf is taken; when they disagree a strong
 * catalogue match wins, otherwise a model at least MODEL_DECIDES_PROBABILITY sure wins.
 */
export function combineCategory(input: CombineCategoryInput): CategoryDecision {
  if (input.given) {
    return { categoryCode: input.given, decidedBy: 'operator', ...explained(bi(`Category ${input.given} as chosen by the operator.`, `类别 ${input.given}（话务员已选择）。`)) };
  }
  const cat = input.catalogue !== null && input.catalogue.categoryCode !== null ? { match: input.catalogue.match, code: input.catalogue.categoryCode } : null;
  const model = input.model !== null && input.model.categoryCode !== null ? { ...input.model, code: input.model.categoryCode } : null;
  if (cat === null && model === null) {
    return {
      categoryCode: null,
      decidedBy: 'none',
      ...explained(bi('Neither the dispatch catalogue nor a category model names a category; choose one.', '派单目录和类别模型都没有给出类别；请选择类别。')),
    };
  }
  const modelText =
    model === null
      ? null
      : bi(
          `the model says '${model.label}' (${model.code}) with probability ${model.probability.toFixed(2)}`,
          `模型建议「${model.label}」（${model.code}），概率 ${model.probability.toFixed(2)}`,
        );
  if (cat === null && model !== null && modelText !== null) {
    return {
      categoryCode: model.code,
      decidedBy: 'model',
      ...explained(bi(`No catalogue entry matched; ${modelText.en} (level 1 only).`, `派单目录没有命中；${modelText.zh}（仅一级）。`)),
    };
  }
  const c = cat as { match: CatalogueMatch; code: string };
  const text = entryText(c.match, c.code);
  if (model === null || modelText === null) return { categoryCode: c.code, decidedBy: 'catalogue', ...explained(text) };
  if (c.code.startsWith(model.code)) {
    return {
      categoryCode: c.code,
      decidedBy: 'catalogue_and_model',
      ...explained(
        bi(`${text.en} The model agrees on level 1: ${modelText.en}; the catalogue's leaf is taken.`, `${text.zh}模型在一级上一致：${modelText.zh}；采用目录的三级类别。`),
      ),
    };
  }
  if (c.match.score >= CATALOGUE_STRONG_SCORE || model.probability < MODEL_DECIDES_PROBABILITY) {
    return {
      categoryCode: c.code,
      decidedBy: 'catalogue',
      ...explained(
        bi(
          `${text.en} The model disagrees (${modelText.en}); the catalogue decides because ${c.match.score >= CATALOGUE_STRONG_SCORE ? `its match is strong (score ≥ ${CATALOGUE_STRONG_SCORE})` : `the model is less than ${MODEL_DECIDES_PROBABILITY} sure`}.`,
          `${text.zh}模型意见不同（${modelText.zh}）；由目录决定，因为${c.match.score >= CATALOGUE_STRONG_SCORE ? `目录命中较强（得分 ≥ ${CATALOGUE_STRONG_SCORE}）` : `模型把握不足 ${MODEL_DECIDES_PROBABILITY}`}。`,
        ),
      ),
    };
  }
  return {
    categoryCode: model.code,
    decidedBy: 'model',
    ...explained(
      bi(
        `${text.en} But the match is weak (score < ${CATALOGUE_STRONG_SCORE}) and ${modelText.en}, so the model decides (level 1 only).`,
        `${text.zh}但目录命中较弱（得分 < ${CATALOGUE_STRONG_SCORE}），而${modelText.zh}，因此由模型决定（仅一级）。`,
      ),
    ),
  };
}

/** Resolves a path of names to a category code; null when the tree has no such path. */
export type CategoryPathResolver = (path: readonly string[]) => string | null;

/**
 * The catalogue's routing as routing rules, one per category leaf (the first active entry for a
 * leaf speaks for it). Priority 5: a rule an administrator writes for the same leaf (priority 10
 * by convention) overrides the catalogue.
 */
export function catalogueRoutingRules(entries: readonly DispatchEntry[], codeOf: CategoryPathResolver): RoutingRule[] {
  const rules = new Map<string, RoutingRule>();
  for (const e of entries) {
    if (e.isActive === false) continue;
    const code = codeOf(e.categoryPath);
    if (code === null || rules.has(code)) continue;
    rules.set(code, entryRule(e, code, 5));
  }
  return [...rules.values()];
}

/** Routing rules made from catalogue entries are named `catalogue:<entry id>`. */
export const CATALOGUE_RULE_PREFIX = 'catalogue:';

/** One entry as a routing rule for its leaf. */
export function entryRule(e: DispatchEntry, categoryCode: string, priority: number): RoutingRule {
  return {
    id: `${CATALOGUE_RULE_PREFIX}${e.id}`,
    categoryPrefix: categoryCode,
    target: e.lead,
    ...(e.coHandlers && e.coHandlers.length > 0 ? { coHandlers: [...e.coHandlers] } : {}),
    priority,
    note: e.note ?? `派单目录 ${e.categoryPath.join(' › ')}`,
  };
}

/** Checks an administrator's catalogue; with a resolver, that every path names a category of the tree. */
export function validateDispatchCatalogue(entries: readonly DispatchEntry[], codeOf?: CategoryPathResolver): void {
  if (!Array.isArray(entries)) throw invalidRule('entries', 'must be a list of catalogue entries.', entries);
  entries.forEach((e, i) => {
    const field = `entries[${i}]`;
    requireNonEmptyString(e.id, `${field}.id`);
    if (
      !Array.isArray(e.categoryPath) ||
      e.categoryPath.length === 0 ||
      e.categoryPath.length > 3 ||
      e.categoryPath.some((n: unknown) => typeof n !== 'string' || n.trim() === '')
    ) {
      throw invalidRule(`${field}.categoryPath`, 'must be 1–3 category names (一级, 二级, 三级).', e.categoryPath);
    }
    if (codeOf && codeOf(e.categoryPath) === null) throw invalidRule(`${field}.categoryPath`, `no category ${e.categoryPath.join(' › ')} in the tree.`, e.categoryPath);
    if (!Array.isArray(e.keywords) || e.keywords.length === 0) throw invalidRule(`${field}.keywords`, 'needs at least one phrase.', e.keywords);
    e.keywords.forEach((k: unknown, j: number) => {
      if (typeof k !== 'string' || parts(k).length === 0) throw invalidRule(`${field}.keywords[${j}]`, 'must be a non-empty phrase.', k);
    });
    (e.excludes ?? []).forEach((k: unknown, j: number) => {
      if (typeof k !== 'string' || parts(k).length === 0) throw invalidRule(`${field}.excludes[${j}]`, 'must be a non-empty phrase.', k);
    });
    validateRoutingTarget(e.lead, `${field}.lead`);
    (e.coHandlers ?? []).forEach((t: unknown, j: number) => validateRoutingTarget(t, `${field}.coHandlers[${j}]`));
  });
  assertUniqueIds(
    entries.map((e) => e.id),
    'entries',
  );
}
