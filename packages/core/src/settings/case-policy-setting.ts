// The case policy as a setting: clocks per urgency, reminders, extensions, evidence and attachment
// limits. The city's time zone is configuration, not a setting, so it is not stored.
import { DURATION_UNITS, type DurationUnit } from '../calendar/working-calendar';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../cases/case-types';
import type { AttachmentKindRule, AttachmentPolicy } from '../cases/case-attachments';
import type { ClockPolicy, ClockRule, RemindRule, UrgencyClockRules } from '../cases/case-clocks';
import { type CasePolicy, DEFAULT_CASE_POLICY } from '../cases/case-decision';
import { CASE_URGENCIES, type CaseUrgency } from '../cases/case-types';
import { defineSetting, expectArray, expectBoolean, expectNumber, expectObject, expectOneOf, expectString, fieldOf, invalidSetting } from './setting-definition';

export type StoredCasePolicy = Omit<CasePolicy, 'timeZone'>;

const CLOCK_KEYS = ['dispatch', 'sign', 'firstContact', 'feedback', 'rework'] as const;
/** Rough length in hours, for comparing two limits (a working day counts as a day). */
const HOURS: Record<DurationUnit, number> = { minutes: 1 / 60, hours: 1, calendar_days: 24, working_days: 24 };

function parseRemind(value: unknown, field: string): RemindRule {
  const o = expectObject(value, field);
  const kind = expectOneOf(o.kind, ['fraction', 'before'] as const, fieldOf(field, 'kind'));
  if (kind === 'fraction') {
    expectObject(value, field, ['kind', 'fraction']);
    return { kind, fraction: expectNumber(o.fraction, fieldOf(field, 'fraction'), { min: 0, max: 1 }) };
  }
  expectObject(value, field, ['kind', 'minutes']);
  return { kind, minutes: expectNumber(o.minutes, fieldOf(field, 'minutes'), { min: 0, max: 100_000, integer: true }) };
}

function parseClockRule(value: unknown, field: string): ClockRule {
  const o = expectObject(value, field, ['amount', 'unit', 'remind']);
  const rule: ClockRule = {
    amount: expectNumber(o.amount, fieldOf(field, 'amount'), { min: 1, max: 100_000, integer: true }),
    unit: expectOneOf(o.unit, DURATION_UNITS, fieldOf(field, 'unit')),
  };
  if (o.remind !== undefined) rule.remind = parseRemind(o.remind, fieldOf(field, 'remind'));
  return rule;
}

function parseUrgencyClocks(value: unknown, field: string): UrgencyClockRules {
  const o = expectObject(value, field, CLOCK_KEYS);
  const rules = Object.fromEntries(CLOCK_KEYS.map((k) => [k, parseClockRule(o[k], fieldOf(field, k))])) as unknown as UrgencyClockRules;
  const hours = (r: ClockRule) => r.amount * HOURS[r.unit];
  if (hours(rules.sign) > hours(rules.feedback) || hours(rules.firstContact) > hours(rules.feedback)) {
    throw invalidSetting(field, 'signing and first contact must fit inside the feedback time.');
  }
  return rules;
}

function parseClocks(value: unknown, field: string): ClockPolicy {
  const o = expectObject(value, field, ['byUrgency', 'whistleArrival', 'defaultRemind']);
  const by = expectObject(o.byUrgency, fieldOf(field, 'byUrgency'), CASE_URGENCIES);
  const byUrgency = Object.fromEntries(CASE_URGENCIES.map((u) => [u, parseUrgencyClocks(by[u], fieldOf(fieldOf(field, 'byUrgency'), u))])) as Record<
    CaseUrgency,
    UrgencyClockRules
  >;
  return {
    byUrgency,
    whistleArrival: parseClockRule(o.whistleArrival, fieldOf(field, 'whistleArrival')),
    defaultRemind: parseRemind(o.defaultRemind, fieldOf(field, 'defaultRemind')),
  };
}

function parseKindRule(value: unknown, field: string): AttachmentKindRule {
  const o = expectObject(value, field, ['mimeTypes', 'maxBytes']);
  const list = expectArray(o.mimeTypes, fieldOf(field, 'mimeTypes'));
  if (list.length === 0) throw invalidSetting(fieldOf(field, 'mimeTypes'), 'must name at least one type.');
  const mimeTypes = list.map((m, i) => {
    const s = expectString(m, fieldOf(fieldOf(field, 'mimeTypes'), i));
    if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(s)) throw invalidSetting(fieldOf(fieldOf(field, 'mimeTypes'), i), 'must be a media type such as image/jpeg.', s);
    return s;
  });
  return { mimeTypes, maxBytes: expectNumber(o.maxBytes, fieldOf(field, 'maxBytes'), { min: 1, max: 2 * 1024 ** 3, integer: true }) };
}

function parseAttachments(value: unknown, field: string): AttachmentPolicy {
  const o = expectObject(value, field, ['maxCount', 'byKind']);
  const by = expectObject(o.byKind, fieldOf(field, 'byKind'), ATTACHMENT_KINDS);
  return {
    maxCount: expectNumber(o.maxCount, fieldOf(field, 'maxCount'), { min: 0, max: 100, integer: true }),
    byKind: Object.fromEntries(ATTACHMENT_KINDS.map((k) => [k, parseKindRule(by[k], fieldOf(fieldOf(field, 'byKind'), k))])) as Record<AttachmentKind, AttachmentKindRule>,
  };
}

export function parseCasePolicy(value: unknown): StoredCasePolicy {
  const o = expectObject(value, '', ['clocks', 'attachments', 'maxExtensions', 'requireReturnEvidence', 'requireFeedbackEvidence']);
  return {
    clocks: parseClocks(o.clocks, 'clocks'),
    attachments: parseAttachments(o.attachments, 'attachments'),
    maxExtensions: expectNumber(o.maxExtensions, 'maxExtensions', { min: 0, max: 10, integer: true }),
    requireReturnEvidence: expectBoolean(o.requireReturnEvidence, 'requireReturnEvidence'),
    requireFeedbackEvidence: expectBoolean(o.requireFeedbackEvidence, 'requireFeedbackEvidence'),
  };
}

const { timeZone: _zone, ...DEFAULT_STORED_CASE_POLICY } = DEFAULT_CASE_POLICY;

export const CASE_POLICY_SETTING = defineSetting<StoredCasePolicy>('cases.policy', DEFAULT_STORED_CASE_POLICY, parseCasePolicy);
