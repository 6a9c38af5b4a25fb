// Reads POST /api/intake/suggestions (INTAKE_ENDPOINTS.suggestions in packages/contracts) into
// what the suggestions panel shows. Every reason exists in English (`explanation`) and Chinese
// (`explanationZh`); the panel shows the one of the console's language, and falls back to the
// English one when a server too old to send Chinese answers.
import type { INTAKE_ENDPOINTS, ResponseOf } from '@jiesu/contracts';
import type { Lang } from '../../i18n/lang';

/** One suggestion as the panel reads it: a value, a label, a confidence and a reason. */
export interface Suggestion {
  value: string;
  label: string;
  confidence: number | null;
  why: string | null;
}

/** A lead with the co-handlers (协办) the same rule names; applying it applies both. */
export interface LeadChoice extends Suggestion {
  coHandlers: { code: string; name: string }[];
}

export interface SuggestionSet {
  categories: Suggestion[];
  urgency: Suggestion | null;
  location: { districtCode: string | null; streetCode: string | null; communityCode: string | null; label: string; why: string | null } | null;
  leads: LeadChoice[];
  duplicates: { id: string; caseNumber: string; subject: string; why: string | null }[];
  answers: { title: string; text: string }[];
}

export type RawSuggestions = ResponseOf<typeof INTAKE_ENDPOINTS.suggestions>;

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** The reason in the console's language; null when there is none. */
export function whyOf(x: { explanation?: string; explanationZh?: string } | null | undefined, lang: Lang): string | null {
  if (!x) return null;
  const text = lang === 'zh' ? x.explanationZh || x.explanation : x.explanation;
  return text || null;
}

export function readSuggestions(raw: Partial<RawSuggestions> | null | undefined, lang: Lang): SuggestionSet {
  const r = raw ?? {};
  const categoryWhy = whyOf(r.category, lang);
  // The settled category first (catalogue leaf, model level 1, or the one chosen), then the model's other labels.
  const settled: Suggestion[] =
    r.category?.categoryCode && r.category.decidedBy !== 'operator'
      ? [{ value: r.category.categoryCode, label: r.category.categoryName ?? r.category.categoryCode, confidence: null, why: categoryWhy }]
      : [];
  const fromModel: Suggestion[] = r.category?.available
    ? r.category.labels
        .filter((l) => l.categoryCode && !settled.some((s) => s.value === l.categoryCode))
        .slice(0, 3 - settled.length)
        .map((l) => ({ value: l.categoryCode as string, label: l.categoryName ?? l.label, confidence: l.probability, why: settled.length ? null : categoryWhy }))
    : [];
  const categories = [...settled, ...fromModel];
  const urgency = r.urgency ? { value: r.urgency.urgency, label: r.urgency.urgency, confidence: r.urgency.confidence, why: whyOf(r.urgency, lang) } : null;
  const l = r.location;
  const location =
    l && l.source !== 'none' && (l.district || l.street)
      ? {
          districtCode: l.district?.code ?? null,
          streetCode: l.street?.code ?? null,
          communityCode: l.community?.code ?? null,
          label: [l.district, l.street, l.community]
            .filter((x): x is { code: string; name: string } => x !== null)
            .map((x) => x.name)
            .join(' › '),
          why: whyOf(l, lang),
        }
      : null;
  const leads: LeadChoice[] = r.leadUnit?.lead
    ? [
        {
          value: r.leadUnit.lead.code,
          label: r.leadUnit.lead.name,
          confidence: r.leadUnit.confidence,
          why: whyOf(r.leadUnit, lang) || r.leadUnit.basis || null,
          coHandlers: r.leadUnit.coHandlers ?? [],
        },
      ]
    : [];
  const duplicates = (r.duplicates ?? []).map((d) => ({
    id: d.caseId,
    caseNumber: d.caseNumber,
    subject: d.subject,
    why: `${pct(d.similarity)} ${d.sharedWords.slice(0, 5).join('、')}`,
  }));
  const answers = (r.knowledge ?? []).map((k) => ({ title: k.title, text: k.answer }));
  return { categories, urgency, location, leads, duplicates, answers };
}
