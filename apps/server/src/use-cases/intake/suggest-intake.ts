// Suggestions for a draft case (DESIGN §6): category, urgency, location, lead unit, likely
// duplicates and knowledge-base answers — each with why. Suggestions only: nothing is written.
// Everything runs on in-memory reference data (duplicates, duty lists and knowledge are cached
// briefly per street / community / city, see IntakeService); the cached reference
// (services/intake.service.ts), so a call costs a few milliseconds.
import {
  type Actor,
  type CaseKind,
  type CaseUrgency,
  type LeadSuggestion,
  locateByCoordinates,
  type LocationResolution,
  resolveLocation,
  suggestLeadUnit,
  suggestUrgency,
  type UrgencySuggestion,
} from '@jiesu/core';
import { predict } from '@jiesu/nlp';
import type { AppContext } from '../../context';
import { caseTokens } from '../../intake/text-tokens';
import type { DuplicateRow } from '../../repositories/intake.repository';
import type { IntakeReference, LoadedModel } from '../../services/intake.service';
import { rankDuplicates } from '../../intake/duplicates';
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

export interface CategorySuggestion {
  available: boolean;
  labels: Array<{ label: string; probability: number; categoryCode: string | null; categoryName: string | null }>;
  drivers: Array<{ term: string; weight: number; label: string }>;
  mappedCategoryCodes: string[];
  model: { id: number; createdAt: string; accuracy: number | null; macroF1: number | null } | null;
  explanation: string;
}

export interface LocationSuggestion {
  source: 'coordinates' | 'address' | 'text' | 'none';
  level: string;
  district: PlaceRef;
  street: PlaceRef;
  community: PlaceRef;
  confidence: number;
  matched: LocationResolution['matched'];
  alternatives: LocationResolution['alternatives'];
  explanation: string;
}

export interface LeadUnitSuggestion {
  categoryCode: string | null;
  lead: PlaceRef;
  coHandlers: Array<{ code: string; name: string }>;
  rule: LeadSuggestion['rule'];
  basis: string;
  confidence: number;
  explanation: string;
}

export interface IntakeSuggestions {
  category: CategorySuggestion;
  urgency: UrgencySuggestion & { urgency: CaseUrgency };
  location: LocationSuggestion;
  leadUnit: LeadUnitSuggestion;
  duplicates: DuplicateRow[];
  duplicatesExplanation: string;
  knowledge: KnowledgeHit[];
  knowledgeExplanation: string;
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
  const category = suggestCategory(model, ref, draft);
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
  const [dutyList, duplicates, knowledge] = await Promise.all([
    communityCode === null ? Promise.resolve(null) : ctx.intake.dutyList(communityCode),
    streetCode === null
      ? Promise.resolve([])
      : ctx.intake.recentCases(streetCode, since).then((recent) => rankDuplicates(tokens, recent, ref.duplicates)),
    searchKnowledgeByTokens(ctx, tokens, KNOWLEDGE_LIMIT),
  ]);
  lap('queries');

  const leadUnit = suggestLead(ref, draft, category, location, communityCode === null || dutyList === null ? undefined : { [communityCode]: dutyList });
  lap('leadUnit');

  return {
    category,
    urgency,
    location,
    leadUnit,
    duplicates,
    duplicatesExplanation: duplicatesExplanation(location, duplicates, ref),
    knowledge,
    knowledgeExplanation:
      knowledge.length === 0
        ? 'No knowledge-base article valid today shares a word with the request.'
        : `Articles valid today ranked by the words they share with the request (rarer words count more, title words double)${draft.kind === 'consultation' ? '; for a consultation, answer directly (直接答复) when one fits' : ''}.`,
  };
}

function suggestCategory(loaded: LoadedModel | null, ref: IntakeReference, draft: SuggestionDraft): CategorySuggestion {
  if (loaded === null) {
    return {
      available: false,
      labels: [],
      drivers: [],
      mappedCategoryCodes: [],
      model: null,
      explanation: 'No category model is active: import one with `jiesu model import` or train one with `jiesu model train-from-cases`.',
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
  const figures = metrics ? ` (held-out accuracy ${metrics.accuracy.toFixed(3)}, macro-F1 ${metrics.macroF1.toFixed(3)})` : '';
  const unmapped = top !== undefined && top.categoryCode === null ? ` The label '${top.label}' has no level-1 category of that name in the taxonomy, so no code is suggested.` : '';
  return {
    available: true,
    labels,
    drivers: p.drivers,
    mappedCategoryCodes: labels.flatMap((l) => (l.categoryCode === null ? [] : [l.categoryCode])),
    model: { id: loaded.id, createdAt: loaded.createdAt.toISOString(), accuracy: metrics?.accuracy ?? null, macroF1: metrics?.macroF1 ?? null },
    explanation:
      top === undefined
        ? 'The model returned no label.'
        : `Model #${loaded.id}${figures} suggests '${top.label}' with probability ${top.probability.toFixed(2)}${words ? `, mostly because of ${words}` : ''}. The model predicts level-1 categories only; choose the level-2 and level-3 category below it.${unmapped}`,
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
    explanation: hasAddress ? r.explanation : `No address was given; read from the subject and detail. ${r.explanation}`,
  };
  if (draft.coordinates === undefined) return fromText;
  if (ref.boundaries === null) {
    return { ...fromText, explanation: `${fromText.explanation} Coordinates were given, but no boundaries are loaded, so they were not used.` };
  }
  const c = locateByCoordinates(draft.coordinates, ref.boundaries);
  if (c.unitCode === null) return { ...fromText, explanation: `${fromText.explanation} ${c.explanation}` };
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
    explanation: `${c.explanation}${r.level === 'none' ? '' : agrees ? ' The address text agrees.' : ` The address text reads differently (${r.explanation}) — check with the resident.`}`,
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
  draft: SuggestionDraft,
  category: CategorySuggestion,
  location: LocationSuggestion,
  dutyLists: Record<string, string[]> | undefined,
): LeadUnitSuggestion {
  const given = draft.categoryCode;
  const categoryCode = given ?? category.mappedCategoryCodes[0] ?? null;
  if (categoryCode === null) {
    return {
      categoryCode: null,
      lead: null,
      coHandlers: [],
      rule: null,
      basis: 'manual',
      confidence: 0,
      explanation: 'No category is known yet (none given and none suggested), so no routing rule can be chosen; pick the category first.',
    };
  }
  const s = suggestLeadUnit({
    categoryCode,
    location: { districtCode: location.district?.code ?? null, streetCode: location.street?.code ?? null, communityCode: location.community?.code ?? null },
    rules: ref.routingRules,
    units: ref.lookup,
    ...(dutyLists ? { dutyLists } : {}),
  });
  const basisOfCategory = given !== undefined ? `Category ${categoryCode} as given.` : `Category ${categoryCode} as suggested by the model (level 1 only).`;
  return {
    categoryCode,
    lead: place(ref, s.leadUnitCode),
    coHandlers: s.coHandlerCodes.map((c) => place(ref, c) as { code: string; name: string }),
    rule: s.rule,
    basis: s.basis,
    confidence: s.confidence,
    explanation: `${basisOfCategory} ${s.explanation}`,
  };
}

function duplicatesExplanation(location: LocationSuggestion, found: readonly DuplicateRow[], ref: IntakeReference): string {
  const { windowDays, minSimilarity } = ref.duplicates;
  if (location.street === null) return 'The street is not known, so duplicates (open cases in the same street) were not searched; resolve the address first.';
  const scope = `open cases in ${location.street.name} received in the last ${windowDays} days`;
  if (found.length === 0) return `No ${scope} share enough words with this request (Jaccard similarity ≥ ${minSimilarity}).`;
  return `${found.length} of the ${scope} look alike: ranked by the share of words they have in common with this request (Jaccard similarity of jieba tokens); the shared words are listed.`;
}
