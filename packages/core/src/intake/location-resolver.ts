// Address text → district › street/township › community, as a suggestion the operator confirms:
// the answer, the words that led to it, how sure it is, and the other readings when the text
// could mean more than one place (names such as 八里庄街道 or 幸福社区 repeat across districts).
import { bi, explained, type Explained, joinBi, PLACE_LEVEL_ZH, type BilingualText } from './explanation';
import type { Gazetteer, GazetteerPlace } from './gazetteer';
import { commonChain, isAncestorOrSelf, levelOfChain, mentionsOf, scoreHypotheses, type Chain, type Hypothesis, type Support } from './location-hypotheses';
import { normalizeIntakeText } from './normalize-text';
import type { PlaceLevel, PlaceMatchKind } from './place-name-forms';

export type ResolvedLevel = PlaceLevel | 'none';

export interface LocationMatch {
  /** The words in the (normalised) address. */
  text: string;
  start: number;
  end: number;
  unitCode: string;
  unitName: string;
  level: PlaceLevel;
  kind: PlaceMatchKind;
}

export interface LocationAlternative {
  districtCode?: string;
  streetCode?: string;
  communityCode?: string;
  level: ResolvedLevel;
  /** Sum of the evidence weights behind this reading (comparable within one resolution only). */
  score: number;
  /** '朝阳区 › 八里庄街道'. */
  label: string;
}

export interface LocationResolution extends Explained {
  districtCode?: string;
  streetCode?: string;
  communityCode?: string;
  level: ResolvedLevel;
  /** 0..1, how sure the returned codes are (at the returned level, not below it); 0 when nothing was resolved. */
  confidence: number;
  matched: LocationMatch[];
  alternatives: LocationAlternative[];
}

const MAX_ALTERNATIVES = 5;
const TIE = 1e-6;
const MAX_CONFIDENCE = 0.99;
/** The city prefix carries no information inside one city's gazetteer. */
const CITY_PREFIX = /^(中国)?北京市(市辖区)?/;

const KIND_WORDS: Record<PlaceMatchKind, string> = {
  full_name: 'full name',
  name_variant: 'official variant',
  short_form: 'short form',
  short_name: 'alias',
  road: 'road alias',
  landmark: 'landmark alias',
  estate: 'estate alias',
};

const KIND_WORDS_ZH: Record<PlaceMatchKind, string> = {
  full_name: '全称',
  name_variant: '规范变体',
  short_form: '简称',
  short_name: '别名',
  road: '道路别名',
  landmark: '地标别名',
  estate: '小区别名',
};

export function resolveLocation(text: string, gazetteer: Gazetteer): LocationResolution {
  const normalized = normalizeIntakeText(text).replace(CITY_PREFIX, '');
  const mentions = mentionsOf(gazetteer, normalized);
  const hypotheses = scoreHypotheses(mentions);
  const best = hypotheses[0];
  if (best === undefined) {
    return {
      level: 'none',
      confidence: 0,
      matched: [],
      alternatives: [],
      ...explained(
        normalized.length === 0
          ? bi('No address text was given.', '没有提供地址文本。')
          : bi('No district, street, community or registered alias was recognised in the address.', '地址中没有识别出任何区、街道（乡镇）、社区或已登记的别名。'),
      ),
    };
  }

  // Readings that are only coarser versions of the best one do not compete with it.
  const rivals = hypotheses.filter((h) => h !== best && !isAncestorOrSelf(h.chain, best.chain));
  const tied = [best, ...rivals.filter((h) => best.score - h.score < TIE)];
  const isTie = tied.length > 1;
  const chain = isTie ? commonChain(tied.map((h) => h.chain)) : best.chain;
  const level = levelOfChain(chain);
  const supports = supportsWithin(best, chain);
  const label = (c: Chain): string => chainLabel(c, gazetteer);

  const alternatives = (isTie ? tied : rivals).slice(0, MAX_ALTERNATIVES).map((h) => ({
    ...codesOf(h.chain),
    level: h.level,
    score: round(h.score),
    label: label(h.chain),
  }));
  const matched = supports.map(toMatch);

  if (level === 'none') {
    return {
      level,
      confidence: 0,
      matched: [],
      alternatives,
      ...explained(
        bi(
          `The address could mean ${tied.length} different places (${tied.map((h) => label(h.chain)).join('; ')}) and nothing else in it tells them apart; ask the resident for the district or street.`,
          `地址可能指 ${tied.length} 个不同的地点（${tied.map((h) => label(h.chain)).join('；')}），地址中没有其他信息能区分它们；请向诉求人确认所在的区或街道。`,
        ),
      ),
    };
  }

  const strongConflicts = best.conflicts;
  const runnerUp = rivals.find((h) => !tied.includes(h));
  // In a tie every top reading agrees on the returned part, so only a runner-up below it costs certainty.
  const margin = runnerUp === undefined ? 1 : Math.min(1, 0.5 + (best.score - runnerUp.score) / best.score);
  const conflictFactor = strongConflicts.length > 0 ? 0.75 : 1;
  // Capped below 1: text evidence is never proof, and the operator still confirms.
  const confidence = Math.min(MAX_CONFIDENCE, round(evidence(supports, level) * margin * conflictFactor));

  const parts: BilingualText[] = [bi(`Resolved to ${label(chain)} (${level}).`, `地址解析为 ${label(chain)}（${PLACE_LEVEL_ZH[level]}级）。`)];
  parts.push(
    bi(
      `Matched: ${supports.map((s) => `'${s.mention.match.text}' = ${s.place.name} (${s.place.level}, ${KIND_WORDS[s.entry.kind]})`).join('; ')}.`,
      `匹配：${supports.map((s) => `「${s.mention.match.text}」= ${s.place.name}（${PLACE_LEVEL_ZH[s.place.level]}，${KIND_WORDS_ZH[s.entry.kind]}）`).join('；')}。`,
    ),
  );
  const implied = impliedLevels(chain, supports);
  if (implied.length > 0) {
    parts.push(
      bi(`The ${implied.join(' and ')} follow${implied.length === 1 ? 's' : ''} from the tree.`, `${implied.map((l) => PLACE_LEVEL_ZH[l]).join('和')}由行政区划层级推出。`),
    );
  }
  if (isTie) {
    parts.push(
      bi(
        `Below ${level} it is ambiguous: ${tied.map((h) => label(h.chain)).join('; ')} fit equally well, so only the common part is suggested.`,
        `${PLACE_LEVEL_ZH[level]}以下存在歧义：${tied.map((h) => label(h.chain)).join('；')} 同样符合，因此只建议共同的部分。`,
      ),
    );
  } else if (runnerUp !== undefined) {
    parts.push(bi(`Next best reading: ${label(runnerUp.chain)}.`, `次优解读：${label(runnerUp.chain)}。`));
  }
  if (strongConflicts.length > 0) {
    parts.push(
      bi(
        `Inconsistent with the rest of the address and ignored: ${strongConflicts.map((m) => `'${m.match.text}'`).join(', ')}.`,
        `与地址其余部分不一致、已忽略：${strongConflicts.map((m) => `「${m.match.text}」`).join('、')}。`,
      ),
    );
  }
  return { ...codesOf(chain), level, confidence, matched, alternatives, ...explained(joinBi(parts)) };
}

/**
 * Certainty of the deepest level: its own evidence, raised by consistent mentions of the levels
 * above at half strength — '朝阳区' makes a weak '北苑' likelier to be 朝阳's 北苑, but does not prove it.
 */
function evidence(supports: readonly Support[], level: PlaceLevel): number {
  const deepest = supports.find((s) => s.place.level === level) ?? [...supports].sort((a, b) => b.entry.weight - a.entry.weight)[0];
  if (deepest === undefined) return 0;
  const doubt = supports.reduce((p, s) => (s === deepest ? p : p * (1 - s.entry.weight / 2)), 1 - deepest.entry.weight);
  return 1 - doubt;
}

function supportsWithin(h: Hypothesis, chain: Chain): Support[] {
  return Object.values(h.byLevel)
    .filter((s) => chainCovers(chain, s.place))
    .sort((a, b) => a.mention.match.start - b.mention.match.start);
}

function chainCovers(chain: Chain, place: GazetteerPlace): boolean {
  return place.code === chain.districtCode || place.code === chain.streetCode || place.code === chain.communityCode;
}

function impliedLevels(chain: Chain, supports: readonly Support[]): PlaceLevel[] {
  const named = new Set(supports.map((s) => s.place.level));
  const out: PlaceLevel[] = [];
  if (chain.districtCode !== null && !named.has('district')) out.push('district');
  if (chain.streetCode !== null && !named.has('street')) out.push('street');
  return out;
}

function toMatch(s: Support): LocationMatch {
  const { text, start, end } = s.mention.match;
  return { text, start, end, unitCode: s.place.code, unitName: s.place.name, level: s.place.level, kind: s.entry.kind };
}

function codesOf(c: Chain): Pick<LocationResolution, 'districtCode' | 'streetCode' | 'communityCode'> {
  const out: Pick<LocationResolution, 'districtCode' | 'streetCode' | 'communityCode'> = {};
  if (c.districtCode !== null) out.districtCode = c.districtCode;
  if (c.streetCode !== null) out.streetCode = c.streetCode;
  if (c.communityCode !== null) out.communityCode = c.communityCode;
  return out;
}

function chainLabel(c: Chain, g: Gazetteer): string {
  return [c.districtCode, c.streetCode, c.communityCode]
    .filter((code): code is string => code !== null)
    .map((code) => g.places.get(code)?.name ?? code)
    .join(' › ');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
