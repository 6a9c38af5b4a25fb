// How a motion's vote is counted (表决规则): the quorum (法定人数) and the majority needed, with
// abstentions either left out of the base (Robert's Rules: a majority of the votes cast) or
// counted in it (then an abstention weighs like a vote against). The defaults are one constant
// and one pure parse function, so they move into the settings store as one definition; a meeting
// may override them.
import { DomainError } from '../errors';

export const MAJORITY_RULES = ['simple', 'two_thirds'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

export interface VoteRules {
  /**
   * Share of the eligible voters (有表决权的成员) who must be present for a vote to count,
   * 0 < share ≤ 1. Needed present = ceil(eligible × share).
   */
  quorumShare: number;
  majority: MajorityRule;
  /** true: abstentions are part of the base; false (Robert's Rules): only for + against count. */
  abstentionsCount: boolean;
}

/** A meeting of 25 eligible needs 13 present; a simple majority of the votes cast. */
export const DEFAULT_VOTE_RULES: VoteRules = { quorumShare: 0.5, majority: 'simple', abstentionsCount: false };

function invalid(field: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', message, { field });
}

/** Validates a stored or submitted rule set; missing keys take the default. */
export function parseVoteRules(value: unknown, field = 'voteRules', base: VoteRules = DEFAULT_VOTE_RULES): VoteRules {
  if (value === undefined || value === null) return { ...base };
  if (typeof value !== 'object' || Array.isArray(value)) invalid(field, `${field} must be an object with quorumShare, majority and abstentionsCount.`);
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (key !== 'quorumShare' && key !== 'majority' && key !== 'abstentionsCount')
      invalid(`${field}.${key}`, `${field}.${key} is not a vote rule (quorumShare, majority, abstentionsCount).`);
  }
  const quorumShare = v.quorumShare ?? base.quorumShare;
  if (typeof quorumShare !== 'number' || !Number.isFinite(quorumShare) || quorumShare <= 0 || quorumShare > 1) {
    invalid(`${field}.quorumShare`, `${field}.quorumShare must be a number above 0 and at most 1.`);
  }
  const majority = v.majority ?? base.majority;
  if (typeof majority !== 'string' || !(MAJORITY_RULES as readonly string[]).includes(majority)) {
    invalid(`${field}.majority`, `${field}.majority must be one of ${MAJORITY_RULES.join(', ')}.`);
  }
  const abstentionsCount = v.abstentionsCount ?? base.abstentionsCount;
  if (typeof abstentionsCount !== 'boolean') invalid(`${field}.abstentionsCount`, `${field}.abstentionsCount must be true or false.`);
  return { quorumShare, majority: majority as MajorityRule, abstentionsCount };
}

/** The settings-store definition (shape of the store's SettingDefinition<T>). */
export const VOTE_RULES_SETTING = {
  key: 'deliberation.voteRules',
  defaultValue: DEFAULT_VOTE_RULES,
  parse: (value: unknown): VoteRules => parseVoteRules(value),
} as const;

export interface VoteTally {
  for: number;
  against: number;
  abstain: number;
  /** People with a vote present in the room; at least for + against + abstain. Defaults to that sum. */
  present?: number;
  /** Members entitled to vote (the quorum is a share of them). */
  eligible: number;
}

export interface VoteResult {
  outcome: 'passed' | 'failed';
  /** Why it failed: not enough present, or not enough votes for. */
  reason: 'carried' | 'no_quorum' | 'not_enough_for';
  for: number;
  against: number;
  abstain: number;
  present: number;
  eligible: number;
  quorumRequired: number;
  isQuorate: boolean;
  /** The votes the majority is reckoned on: for + against (+ abstain when they count). */
  base: number;
  /** The fewest votes for that would have carried it with this base. */
  forNeeded: number;
  rules: VoteRules;
  /** The rule applied and the arithmetic, in both languages, for the minutes and the public page. */
  statement: { zh: string; en: string };
}

function count(n: unknown, field: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new DomainError('VOTE_INVALID', `${field} must be a whole number, 0 or more.`, { field });
  return n;
}

/** Fewest votes for that carry a motion on `base` votes. */
export function votesNeeded(base: number, majority: MajorityRule): number {
  switch (majority) {
    case 'simple':
      // more than half: 10 → 6, 9 → 5
      return Math.floor(base / 2) + 1;
    case 'two_thirds':
      // at least two thirds: 9 → 6, 10 → 7; never 0 (an empty vote carries nothing)
      return Math.max(1, Math.ceil((2 * base) / 3));
  }
}

export function quorumRequired(eligible: number, quorumShare: number): number {
  // Rounding guard: 0.5 × 26 is exactly 13, but 0.6 × 5 in binary is 3.0000000000000004.
  return Math.ceil(eligible * quorumShare - 1e-9);
}

/** Counts a vote under the rules. Pure: the same tally and rules always give the same result. */
export function countVote(tally: VoteTally, rules: VoteRules): VoteResult {
  const f = count(tally.for, 'for');
  const a = count(tally.against, 'against');
  const ab = count(tally.abstain, 'abstain');
  const eligible = count(tally.eligible, 'eligible');
  if (eligible === 0) throw new DomainError('VOTE_INVALID', 'The number of eligible voters must be at least 1.', { field: 'eligible' });
  const cast = f + a + ab;
  const present = tally.present === undefined ? cast : count(tally.present, 'present');
  if (present < cast) throw new DomainError('VOTE_INVALID', `${cast} votes were recorded but only ${present} people are present.`, { field: 'present' });
  if (present > eligible) throw new DomainError('VOTE_INVALID', `${present} present is more than the ${eligible} eligible voters.`, { field: 'present' });
  const required = quorumRequired(eligible, rules.quorumShare);
  const isQuorate = present >= required;
  const base = rules.abstentionsCount ? cast : f + a;
  const forNeeded = votesNeeded(base, rules.majority);
  const carried = isQuorate && base > 0 && f >= forNeeded;
  const reason: VoteResult['reason'] = !isQuorate ? 'no_quorum' : carried ? 'carried' : 'not_enough_for';
  const majorityZh = rules.majority === 'simple' ? '过半数' : '三分之二多数';
  const majorityEn = rules.majority === 'simple' ? 'a simple majority' : 'a two-thirds majority';
  const baseZh = rules.abstentionsCount ? '弃权计入基数' : '弃权不计入基数';
  const baseEn = rules.abstentionsCount ? 'abstentions counted in the base' : 'abstentions not counted';
  const quorumZh = `法定人数 ${required}/${eligible}（${Math.round(rules.quorumShare * 100)}%），到会 ${present}`;
  const quorumEn = `quorum ${required} of ${eligible} (${Math.round(rules.quorumShare * 100)}%), ${present} present`;
  const verdictZh = !isQuorate ? '未达法定人数，未通过' : carried ? '通过' : '未通过';
  const verdictEn = !isQuorate ? 'no quorum: failed' : carried ? 'passed' : 'failed';
  return {
    outcome: carried ? 'passed' : 'failed',
    reason,
    for: f,
    against: a,
    abstain: ab,
    present,
    eligible,
    quorumRequired: required,
    isQuorate,
    base,
    forNeeded,
    rules: { ...rules },
    statement: {
      zh: `${quorumZh}；${majorityZh}（${baseZh}）：赞成 ${f}、反对 ${a}、弃权 ${ab}，基数 ${base}，需赞成 ${forNeeded} —— ${verdictZh}`,
      en: `${quorumEn}; ${majorityEn} (${baseEn}): ${f} for, ${a} against, ${ab} abstaining, base ${base}, ${forNeeded} needed — ${verdictEn}`,
    },
  };
}
