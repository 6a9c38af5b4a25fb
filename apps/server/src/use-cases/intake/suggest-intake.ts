// Suggestions for a draft case (docs/intake.md): category, urgency, location, lead unit, likely
// duplicates and knowledge-base answers — each with why. Suggestions only: nothing is written.
// The category comes from the dispatch catalogue (派单目录) and, when one is active, the category
// model, combined by the core (combineCategory); the lead from the catalogue entry and the routing
// rules. Everything runs on in-memory reference data (duplicates, duty lists and knowledge are
// cached briefly per street / community / city, see caches/intake-cache.ts), so a call costs
// a few milliseconds.
import {
  type Actor,
  bi,
  type BilingualText,
  type CatalogueMatch,
  type CategoryDecider,
  type CaseKind,
  CATALOGUE_RULE_PREFIX,
  combineCategory,
  DEFAULT_KNOWLEDGE_MIN_SCORE,
  entryRule,
  type CaseUrgency,
  explained,
  type Explained,
  explanationOf,
  joinBi,
  type LeadSuggestion,
  locateByCoordinates,
  type LocationResolution,
  matchDispatchCatalogue,
  rankDuplicates,
  relevantHits,
  resolveLocation,
  suggestLeadUnit,
  suggestUrgency,
  type UrgencySuggestion,
} from '@jiesu/core';
import { predict } from '@jiesu/nlp';
import type { AppContext } from '../../context';
import { caseTokens } from '../../intake/text-tokens';
import type { DuplicateRow } from '../../repositories/intake.repository';
import type { IntakeReference, LoadedModel } from '../../caches/intake-cache';
import { type KnowledgeHit, searchKnowledgeByTokens } from '../knowledge/search-knowledge';
import { requireRole } from '../require';

export interface SuggestionDraft {
  subject: string;
  detail: string;
  address?: string;
  coordinates?: { lng: number; lat: number };
  kind?: CaseKind;
  categoryCode?: string;
}

type PlaceRef = { code: string; name: string } | null;

export interface CategorySuggestion extends Explained {
  available: boolean;
  labels: Array<{ label: string; probability: number; categoryCode: string | null; categoryName: string | null }>;
  drivers: Array<{ term: string; weight: number; label: string }>;
  mappedCategoryCodes: string[];
  model: { id: number; createdAt: string; accuracy: number | null; macroF1: number | null } | null;
  /** The category settled on, and who settled it. */
  categoryCode: string | null;
  categoryName: string | null;
  decidedBy: CategoryDecider;
  catalogue: Array<{ entryId: string; categoryPath: string[]; categoryCode: string | null; score: number; matched: string[] }>;
}

export interface LocationSuggestion extends Explained {
  source: 'coordinates' | 'address' | 'text' | 'none';
  level: string;
  district: PlaceRef;
  street: PlaceRef;
  community: PlaceRef;
  confidence: number;
  matched: LocationResolution['matched'];
  alternatives: LocationResolution['alternatives'];
}

export interface LeadUnitSuggestion extends Explained {
  categoryCode: string | null;
  lead: PlaceRef;
  coHandlers: Array<{ code: string; name: string }>;
  rule: LeadSuggestion['rule'];
  basis: string;
  confidence: number;
}

export interface IntakeSuggestions {
  category: CategorySuggestion;
  urgency: UrgencySuggestion & { urgency: CaseUrgency };
  location: LocationSuggestion;
  leadUnit: LeadUnitSuggestion;
  duplicates: DuplicateRow[];
  duplicatesExplanation: string;
  duplicatesExplanationZh: string;
  knowledge: KnowledgeHit[];
  knowledgeExplanation: string;
  knowledgeExplanationZh: string;
}

/** Milliseconds per stage, filled when the caller passes an object (the benchmark does). */
export type StageTimings = Record<'reference' | 'category' | 'urgency' | 'location' | 'tokens' | 'queries' | 'leadUnit', number>;

const KNOWLEDGE_LIMIT = 3;

export async function suggestIntake(ctx: AppContext, opts: { actor: Actor; draft: SuggestionDraft; timings?: StageTimings }): Promise<IntakeSuggestions> {
  requireRole(opts.actor, 'operator', 'dispatcher');
  const { draft } = opts;
  const t = opts.timings;
  let mark = performance.now();
  const lap = (stage: keyof StageTimings) => {
    if (t === undefined) return;
    const now = performance.now();
    t[stage] += now - mark;
    mark = now;
  };

  const [ref, model] = await Promise.all([ctx.intake.reference(), ctx.intake.model()]);
  lap('reference');
  const matches = matchDispatchCatalogue(draft.subject, draft.detail, ref.catalogue);
  const category = suggestCategory(model, ref, draft, matches);
  lap('category');
  const urgency = suggestUrgency(`${draft.subject} ${draft.detail}`, ref.urgencyRules);
  lap('urgency');
  const location = suggestLocation(ref, draft);
  lap('location');
  const tokens = caseTokens(draft.subject, draft.detail);
  lap('tokens');

  const streetCode = location.street?.code ?? null;
  const communityCode = location.community?.code ?? null;
  const since = new Date(ctx.now().getTime() - ref.duplicates.windowDays * 86_400_000);
  const [dutyList, duplicates, ranked] = await Promise.all([
    communityCode === null ? Promise.resolve(null) : ctx.intake.dutyList(communityCode),
    streetCode === null ? Promise.resolve([]) : ctx.intake.recentCases(streetCode, since).then((recent) => rankDuplicates(tokens, recent, ref.duplicates)),
    searchKnowledgeByTokens(ctx, tokens, KNOWLEDGE_LIMIT),
  ]);
  const { kept: knowledge, belowThreshold } = relevantHits(ranked, DEFAULT_KNOWLEDGE_MIN_SCORE);
  lap('queries');

  const leadUnit = suggestLead(ref, category, matches, location, communityCode === null || dutyList === null ? undefined : { [communityCode]: dutyList });
  lap('leadUnit');

  const dup = duplicatesExplanation(location, duplicates, ref);
  const kb = knowledgeExplanation(knowledge, belowThreshold, draft);
  return {
    category,
    urgency,
    location,
    leadUnit,
    duplicates,
    duplicatesExplanation: dup.en,
    duplicatesExplanationZh: dup.zh,
    knowledge,
    knowledgeExplanation: kb.en,
    knowledgeExplanationZh: kb.zh,
  };
}

type ModelPart = Omit<CategorySuggestion, 'categoryCode' | 'categoryName' | 'decidedBy' | 'catalogue'>;

function suggestCategory(loaded: LoadedModel | null, ref: IntakeReference, draft: SuggestionDraft, matches: readonly CatalogueMatch[]): CategorySuggestion {
  const fromModel = modelCategory(loaded, ref, draft);
  const top = matches[0];
  const label = fromModel.labels[0];
  const decision = combineCategory({
    given: draft.categoryCode ?? null,
    catalogue: top === undefined ? null : { match: top, categoryCode: ref.codeOfPath(top.entry.categoryPath) },
    model: label === undefined ? null : { label: label.label, probability: label.probability, categoryCode: label.categoryCode },
  });
  const code = decision.categoryCode;
  // What the model said (or that none is active) is added when the decision text does not say it.
  const modelSaid = decision.decidedBy === 'model' || decision.decidedBy === 'catalogue_and_model' || (decision.decidedBy === 'catalogue' && label?.categoryCode != null);
  const modelNote = modelSaid ? null : explanationOf(fromModel);
  return {
    ...fromModel,
    categoryCode: code,
    categoryName: code === null ? null : (ref.categoryNames.get(code) ?? null),
    decidedBy: decision.decidedBy,
    catalogue: matches.map((m) => ({
      entryId: m.entry.id,
      categoryPath: [...m.entry.categoryPath],
      categoryCode: ref.codeOfPath(m.entry.categoryPath),
      score: m.score,
      matched: m.matched,
    })),
    ...explained(joinBi([explanationOf(decision), modelNote])),
  };
}

function modelCategory(loaded: LoadedModel | null, ref: IntakeReference, draft: SuggestionDraft): ModelPart {
  if (loaded === null) {
    return {
      available: false,
      labels: [],
      drivers: [],
      mappedCategoryCodes: [],
      model: null,
      ...explained(
        bi(
          'No category model is active: import one with `jiesu model import` or train one with `jiesu model train-from-cases`.',
          '当前没有启用的类别模型：请用 `jiesu model import` 导入，或用 `jiesu model train-from-cases` 从历史工单训练。',
        ),
      ),
    };
  }
  const p = predict(loaded.model, { subject: draft.subject, detail: draft.detail }, { top: 3, drivers: 5 });
  const labels = p.labels.map((l) => {
    const code = ref.level1CodeByName.get(l.label) ?? null;
    return { label: l.label, probability: Math.round(l.probability * 1000) / 1000, categoryCode: code, categoryName: code === null ? null : (ref.categoryNames.get(code) ?? null) };
  });
  const metrics = loaded.model.metrics;
  const top = labels[0];
  const words = p.drivers.map((d) => `'${d.term}'`).join(', ');
  const wordsZh = p.drivers.map((d) => `「${d.term}」`).join('、');
  const figures = metrics ? ` (held-out accuracy ${metrics.accuracy.toFixed(3)}, macro-F1 ${metrics.macroF1.toFixed(3)})` : '';
  const figuresZh = metrics ? `（留出集准确率 ${metrics.accuracy.toFixed(3)}，宏平均 F1 ${metrics.macroF1.toFixed(3)}）` : '';
  const unmapped = top !== undefined && top.categoryCode === null ? ` The label '${top.label}' has no level-1 category of that name in the taxonomy, so no code is suggested.` : '';
  const unmappedZh = top !== undefined && top.categoryCode === null ? `分类体系中没有名为「${top.label}」的一级类别，因此不建议类别代码。` : '';
  return {
    available: true,
    labels,
    drivers: p.drivers,
    mappedCategoryCodes: labels.flatMap((l) => (l.categoryCode === null ? [] : [l.categoryCode])),
    model: { id: loaded.id, createdAt: loaded.createdAt.toISOString(), accuracy: metrics?.accuracy ?? null, macroF1: metrics?.macroF1 ?? null },
    ...explained(
      top === undefined
        ? bi('The model returned no label.', '模型没有给出任何标签。')
        : bi(
            `Model #${loaded.id}${figures} suggests '${top.label}' with probability ${top.probability.toFixed(2)}${words ? `, mostly because of ${words}` : ''}. The model predicts level-1 categories only; choose the level-2 and level-3 category below it.${unmapped}`,
            `模型 #${loaded.id}${figuresZh || ' '}建议「${top.label}」，概率 ${top.probability.toFixed(2)}${wordsZh ? `，主要依据 ${wordsZh}` : ''}。模型只预测一级类别；请在其下选择二级和三级类别。${unmappedZh}`,
          ),
    ),
  };
}

function place(ref: IntakeReference, code: string | undefined | null): PlaceRef {
  if (code == null) return null;
  return { code, name: ref.lookup.byCode(code)?.name ?? code };
}

function suggestLocation(ref: IntakeReference, draft: SuggestionDraft): LocationSuggestion {
  const hasAddress = draft.address !== undefined && draft.address.trim() !== '';
  const text = hasAddress ? (draft.address as string) : `${draft.subject} ${draft.detail}`;
  const r = resolveLocation(text, ref.gazetteer);
  const fromText: LocationSuggestion = {
    source: r.level === 'none' ? 'none' : hasAddress ? 'address' : 'text',
    level: r.level,
    district: place(ref, r.districtCode),
    street: place(ref, r.streetCode),
    community: place(ref, r.communityCode),
    confidence: r.confidence,
    matched: r.matched,
    alternatives: r.alternatives,
    ...explained(joinBi([hasAddress ? null : bi('No address was given; read from the subject and detail.', '没有填写地址；从标题和内容中识别。'), explanationOf(r)])),
  };
  if (draft.coordinates === undefined) return fromText;
  if (ref.boundaries === null) {
    return {
      ...fromText,
      ...explained(
        joinBi([explanationOf(fromText), bi('Coordinates were given, but no boundaries are loaded, so they were not used.', '提供了坐标，但尚未加载边界数据，因此没有使用坐标。')]),
      ),
    };
  }
  const c = locateByCoordinates(draft.coordinates, ref.boundaries);
  if (c.unitCode === null) return { ...fromText, ...explained(joinBi([explanationOf(fromText), explanationOf(c)])) };
  const agrees = (c.streetCode ?? c.districtCode) === (r.streetCode ?? r.districtCode);
  return {
    source: 'coordinates',
    level: c.level,
    district: place(ref, c.districtCode ?? r.districtCode),
    street: place(ref, c.streetCode ?? (c.districtCode === r.districtCode ? r.streetCode : undefined)),
    community: place(ref, c.communityCode ?? (c.streetCode !== undefined && c.streetCode === r.streetCode ? r.communityCode : undefined)),
    // A loaded boundary is the authority on where a point lies; the text can only agree or not.
    confidence: 0.95,
    matched: r.matched,
    alternatives: r.level === 'none' || agrees ? r.alternatives : [{ ...codesOf(r), level: r.level, score: 0, label: 'reading of the address text' }, ...r.alternatives],
    ...explained(
      joinBi([
        explanationOf(c),
        r.level === 'none'
          ? null
          : agrees
            ? bi('The address text agrees.', '地址文本与之一致。')
            : bi(`The address text reads differently (${r.explanation}) — check with the resident.`, `地址文本的解读不同（${r.explanationZh}）——请与诉求人核实。`),
      ]),
    ),
  };
}

function codesOf(r: LocationResolution) {
  return {
    ...(r.districtCode ? { districtCode: r.districtCode } : {}),
    ...(r.streetCode ? { streetCode: r.streetCode } : {}),
    ...(r.communityCode ? { communityCode: r.communityCode } : {}),
  };
}

function suggestLead(
  ref: IntakeReference,
  category: CategorySuggestion,
  matches: readonly CatalogueMatch[],
  location: LocationSuggestion,
  dutyLists: Record<string, string[]> | undefined,
): LeadUnitSuggestion {
  const categoryCode = category.categoryCode;
  if (categoryCode === null) {
    return {
      categoryCode: null,
      lead: null,
      coHandlers: [],
      rule: null,
      basis: 'manual',
      confidence: 0,
      ...explained(
        bi(
          'No category is known yet (none given and none suggested), so no routing rule can be chosen; pick the category first.',
          '尚无类别（既未填写也没有建议），无法选择派单规则；请先选择类别。',
        ),
      ),
    };
  }
  // The entry that matched the text speaks for its own leaf (a leaf may have several entries), in
  // place of the leaf's first entry; an administrator's rule for the leaf (priority 10) still wins.
  const entry = matches.find((m) => ref.codeOfPath(m.entry.categoryPath) === categoryCode)?.entry;
  const catalogueRules = entry ? [entryRule(entry, categoryCode, 5), ...ref.catalogueRules.filter((r) => r.categoryPrefix !== categoryCode)] : ref.catalogueRules;
  const rules = [...catalogueRules, ...ref.routingRules];
  const s = suggestLeadUnit({
    categoryCode,
    location: { districtCode: location.district?.code ?? null, streetCode: location.street?.code ?? null, communityCode: location.community?.code ?? null },
    rules,
    units: ref.lookup,
    ...(dutyLists ? { dutyLists } : {}),
  });
  const name = ref.categoryNames.get(categoryCode) ?? categoryCode;
  const BASIS: Record<CategoryDecider, BilingualText> = {
    operator: bi(`Category ${name} (${categoryCode}) as chosen.`, `类别 ${name}（${categoryCode}，已选择）。`),
    catalogue: bi(`Category ${name} (${categoryCode}) from the dispatch catalogue.`, `类别 ${name}（${categoryCode}，派单目录）。`),
    catalogue_and_model: bi(`Category ${name} (${categoryCode}) from the dispatch catalogue, the model agreeing.`, `类别 ${name}（${categoryCode}，派单目录，模型一致）。`),
    model: bi(`Category ${name} (${categoryCode}) as suggested by the model (level 1 only).`, `类别 ${name}（${categoryCode}，模型建议，仅一级）。`),
    none: bi('', ''),
  };
  const basisOfCategory = BASIS[category.decidedBy];
  return {
    categoryCode,
    lead: place(ref, s.leadUnitCode),
    coHandlers: s.coHandlerCodes.map((c) => place(ref, c) as { code: string; name: string }),
    rule: s.rule,
    basis: s.basis,
    confidence: s.confidence,
    ...explained(joinBi([basisOfCategory, catalogueNote(s.rule?.id), explanationOf(s)])),
  };
}

/** Names the catalogue entry behind a lead, when one is. */
function catalogueNote(ruleId: string | undefined): BilingualText | null {
  if (ruleId === undefined || !ruleId.startsWith(CATALOGUE_RULE_PREFIX)) return null;
  const id = ruleId.slice(CATALOGUE_RULE_PREFIX.length);
  return bi(`The dispatch catalogue entry '${id}' names who leads and co-handles.`, `派单目录条目「${id}」规定主办和协办单位。`);
}

function duplicatesExplanation(location: LocationSuggestion, found: readonly DuplicateRow[], ref: IntakeReference): BilingualText {
  const { windowDays, minSimilarity } = ref.duplicates;
  if (location.street === null) {
    return bi(
      'The street is not known, so duplicates (open cases in the same street) were not searched; resolve the address first.',
      '街道未知，因此没有查找重复件（同一街道的在办工单）；请先解析地址。',
    );
  }
  const scope = `open cases in ${location.street.name} received in the last ${windowDays} days`;
  const scopeZh = `${location.street.name}近 ${windowDays} 天受理的在办工单`;
  if (found.length === 0) {
    return bi(
      `No ${scope} share enough words with this request (Jaccard similarity ≥ ${minSimilarity}).`,
      `${scopeZh}中没有与本诉求用词足够相近的（Jaccard 相似度 ≥ ${minSimilarity}）。`,
    );
  }
  return bi(
    `${found.length} of the ${scope} look alike: ranked by the share of words they have in common with this request (Jaccard similarity of jieba tokens); the shared words are listed.`,
    `${scopeZh}中有 ${found.length} 件相似：按与本诉求共有词语的比例排序（jieba 分词的 Jaccard 相似度），并列出共有词语。`,
  );
}

function knowledgeExplanation(knowledge: readonly KnowledgeHit[], belowThreshold: number, draft: SuggestionDraft): BilingualText {
  const min = DEFAULT_KNOWLEDGE_MIN_SCORE;
  const weak =
    belowThreshold > 0
      ? bi(
          ` ${belowThreshold} weaker match(es) below the relevance threshold (score ${min}) were left out.`,
          `另有 ${belowThreshold} 篇相关度低于阈值（得分 ${min}）的文章未列出。`,
        )
      : bi('', '');
  if (knowledge.length === 0) {
    return belowThreshold > 0
      ? bi(`No knowledge-base article is relevant enough to offer (score ≥ ${min}).${weak.en}`, `没有相关度足够（得分 ≥ ${min}）的知识库文章。${weak.zh}`)
      : bi('No knowledge-base article valid today shares a word with the request.', '今日有效的知识库文章中，没有与诉求共有词语的。');
  }
  const consultation = draft.kind === 'consultation';
  return bi(
    `Articles valid today with relevance score ≥ ${min}, ranked by the words they share with the request (rarer words count more, title words double)${consultation ? '; for a consultation, answer directly (直接答复) when one fits' : ''}. Using an answer does not change the kind of request.${weak.en}`,
    `今日有效、相关度得分 ≥ ${min} 的文章，按与诉求共有的词语排序（越少见的词权重越高，标题中的词加倍）${consultation ? '；咨询类诉求如有合适的答案，可直接答复' : ''}。采用答复不会改变诉求类型。${weak.zh}`,
  );
}
