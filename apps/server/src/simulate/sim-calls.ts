// What residents call about, drawn so that a simulated case is coherent: the subject and detail
// come from one dispatch-catalogue entry's samples (@jiesu/reference CALL_SAMPLES), its category
// is that entry's leaf, the urgency is what the urgency rules say about the text, the address is
// the community's, and the lead and co-handlers are what the routing (catalogue + routing rules)
// gives for that category and place. Frequencies follow the samples' weights; streets get a share
// of calls that is partly even and partly proportional to their communities, so every street has
// enough cases for a meaningful month.
import { type CaseKind, type CaseUrgency, suggestLeadUnit, suggestUrgency, type Unit, type UnitRef } from '@jiesu/core';
import { CALL_SAMPLES, type CallSample } from '@jiesu/reference';
import type { IntakeReference } from '../caches/intake-cache';
import { cumulativeOf, type Rng } from './sim-random';

export interface SimulatedCall {
  entryId: string;
  categoryCode: string;
  kind: CaseKind;
  urgency: CaseUrgency;
  subject: string;
  detail: string;
  address: string;
  street: Unit;
  community: Unit;
  lead: UnitRef;
  coHandlers: UnitRef[];
}

/** Kinds of call that are mostly questions (咨询) rather than complaints. */
const MOSTLY_QUESTIONS = new Set([
  'policy',
  'tax',
  'fund-withdrawal',
  'fund-loan',
  'household-registration',
  'school-enrolment',
  'pension',
  'social-security-card',
  'vaccination',
  'licences',
  'affordable-application',
  'shared-ownership',
  'job-training',
  'unemployment',
  'heating-fee',
  'property-registration',
]);

/** Share of calls spread evenly over streets; the rest follows the number of communities. */
const EVEN_STREET_SHARE = 0.4;

const OPENINGS = ['居民反映：', '来电人称：', '市民来电反映，', '', '诉求人表示：'];
const CLOSINGS = ['希望尽快处理。', '请相关部门尽快解决。', '希望派人来看看。', '已经反映过一次，还没有解决。', ''];

export interface CallDrawer {
  draw(r: Rng): SimulatedCall;
  /** Entries whose leaf is not in the tree (a city's own taxonomy): never drawn. */
  skipped: string[];
}

export function callDrawer(ref: IntakeReference, streets: readonly Unit[], communitiesOf: ReadonlyMap<string, readonly Unit[]>): CallDrawer {
  const entries = new Map(ref.catalogue.map((e) => [e.id, e]));
  const usable: Array<CallSample & { categoryCode: string }> = [];
  const skipped: string[] = [];
  for (const s of CALL_SAMPLES) {
    const e = entries.get(s.entryId);
    const code = e && e.isActive !== false ? ref.codeOfPath(e.categoryPath) : null;
    if (code === null) skipped.push(s.entryId);
    else usable.push({ ...s, categoryCode: code });
  }
  if (usable.length === 0) throw new Error('no dispatch-catalogue entry resolves to a category of the tree: nothing to simulate');
  const sampleCum = cumulativeOf(usable.map((s) => s.weight));
  const withCommunities = streets.filter((s) => (communitiesOf.get(s.code)?.length ?? 0) > 0);
  const total = withCommunities.reduce((n, s) => n + (communitiesOf.get(s.code)?.length ?? 0), 0);
  const streetCum = cumulativeOf(
    withCommunities.map((s) => EVEN_STREET_SHARE / withCommunities.length + ((1 - EVEN_STREET_SHARE) * (communitiesOf.get(s.code)?.length ?? 0)) / total),
  );
  const rules = [...ref.catalogueRules, ...ref.routingRules];
  const leads = new Map<string, { lead: UnitRef; coHandlers: UnitRef[] } | null>();
  const ref_ = (u: Unit): UnitRef => ({ code: u.code, name: u.name, path: u.path, class: u.class });

  const route = (categoryCode: string, street: Unit) => {
    const key = `${categoryCode}|${street.code}`;
    if (!leads.has(key)) {
      const s = suggestLeadUnit({ categoryCode, location: { districtCode: street.parentCode, streetCode: street.code }, rules, units: ref.lookup });
      const lead = s.leadUnitCode === null ? undefined : ref.lookup.byCode(s.leadUnitCode);
      leads.set(
        key,
        lead === undefined
          ? null
          : {
              lead: ref_(lead),
              coHandlers: s.coHandlerCodes.flatMap((c) => {
                const u = ref.lookup.byCode(c);
                return u ? [ref_(u)] : [];
              }),
            },
      );
    }
    return leads.get(key) ?? { lead: ref_(street), coHandlers: [] };
  };

  return {
    skipped,
    draw(r) {
      const sample = usable[r.cumulative(sampleCum)] as (typeof usable)[number];
      const street = withCommunities[r.cumulative(streetCum)] as Unit;
      const community = r.pick(communitiesOf.get(street.code) as readonly Unit[]);
      const subject = r.pick(sample.subjects);
      const detail = `${r.pick(OPENINGS)}${community.name}${r.pick(sample.details)}，${r.pick(CLOSINGS)}`.replace(/，$/, '。');
      const urgency = suggestUrgency(`${subject} ${detail}`, ref.urgencyRules).urgency;
      const kind: CaseKind =
        MOSTLY_QUESTIONS.has(sample.entryId) && r.chance(0.7) ? 'consultation' : r.weighted({ complaint: 58, help: 25, report: 8, suggestion: 5, praise: 2, consultation: 2 });
      const district = street.parentCode === null ? undefined : ref.lookup.byCode(street.parentCode);
      const { lead, coHandlers } = route(sample.categoryCode, street);
      return {
        entryId: sample.entryId,
        categoryCode: sample.categoryCode,
        kind,
        urgency,
        subject,
        detail,
        address: `${district?.name ?? ''}${street.name}${community.name}${Math.floor(r.between(1, 30))}号楼`,
        street,
        community,
        lead,
        coHandlers,
      };
    },
  };
}
