// The case policy an administrator edits: clocks per urgency (docs/cases.md, Clocks), reminders, extensions,
// evidence rules and attachment limits.
import { ATTACHMENT_KINDS, CASE_URGENCIES, DURATION_UNITS } from '@jiesu/core';
import { Type } from 'typebox';
import { IsoDateTime, StringEnum } from './common';
import { endpoint } from './endpoint';

const Remind = Type.Union([
  Type.Object({ kind: Type.Literal('fraction'), fraction: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('before'), minutes: Type.Integer({ minimum: 0, maximum: 100_000 }) }, { additionalProperties: false }),
]);

const ClockRule = Type.Object(
  { amount: Type.Integer({ minimum: 1, maximum: 100_000 }), unit: StringEnum(DURATION_UNITS), remind: Type.Optional(Remind) },
  { additionalProperties: false },
);

const UrgencyClocks = Type.Object({ dispatch: ClockRule, sign: ClockRule, firstContact: ClockRule, feedback: ClockRule, rework: ClockRule }, { additionalProperties: false });

const KindRule = Type.Object(
  { mimeTypes: Type.Array(Type.String({ pattern: '^[a-z0-9.+-]+/[a-z0-9.+-]+$' }), { minItems: 1, maxItems: 30 }), maxBytes: Type.Integer({ minimum: 1, maximum: 2 * 1024 ** 3 }) },
  { additionalProperties: false },
);

export const CasePolicyBody = Type.Object(
  {
    clocks: Type.Object(
      {
        byUrgency: Type.Object(Object.fromEntries(CASE_URGENCIES.map((u) => [u, UrgencyClocks])) as Record<(typeof CASE_URGENCIES)[number], typeof UrgencyClocks>, {
          additionalProperties: false,
        }),
        whistleArrival: ClockRule,
        defaultRemind: Remind,
      },
      { additionalProperties: false },
    ),
    attachments: Type.Object(
      {
        maxCount: Type.Integer({ minimum: 0, maximum: 100 }),
        byKind: Type.Object(Object.fromEntries(ATTACHMENT_KINDS.map((k) => [k, KindRule])) as Record<(typeof ATTACHMENT_KINDS)[number], typeof KindRule>, {
          additionalProperties: false,
        }),
      },
      { additionalProperties: false },
    ),
    maxExtensions: Type.Integer({ minimum: 0, maximum: 10 }),
    requireReturnEvidence: Type.Boolean(),
    requireFeedbackEvidence: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const CasePolicyResponse = Type.Object({
  policy: Type.Object({ ...CasePolicyBody.properties, timeZone: Type.String() }),
  isDefault: Type.Boolean(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([IsoDateTime, Type.Null()]),
});

export const SETTINGS_ENDPOINTS = {
  getCasePolicy: endpoint({
    method: 'GET',
    path: '/api/settings/case-policy',
    summary: 'Clocks per urgency, reminders, extensions, evidence and attachment limits',
    tags: ['settings'],
    response: CasePolicyResponse,
  }),
  putCasePolicy: endpoint({
    method: 'PUT',
    path: '/api/settings/case-policy',
    summary: 'Change the case policy (administrators); applies to clocks started afterwards',
    tags: ['settings'],
    body: CasePolicyBody,
    response: CasePolicyResponse,
  }),
};
