// Read and change the case policy (clocks per urgency, reminders, extensions, evidence, attachment
// limits). A change applies to clocks started after it; running clocks keep their deadlines.
import type { CasePolicyResponse } from '@jiesu/contracts';
import { type Actor, type CasePolicy, DomainError } from '@jiesu/core';
import type { Static } from 'typebox';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

type PolicyView = Static<typeof CasePolicyResponse>;

/** The policy as plain data for the API (the domain type holds readonly lists). */
async function view(ctx: AppContext): Promise<PolicyView> {
  return structuredClone(await ctx.casePolicy.info()) as unknown as PolicyView;
}

export async function getCasePolicy(ctx: AppContext): Promise<PolicyView> {
  return view(ctx);
}

export async function putCasePolicy(ctx: AppContext, opts: { actor: Actor; policy: Omit<CasePolicy, 'timeZone'> }) {
  requireRole(opts.actor, 'administrator');
  for (const [urgency, rules] of Object.entries(opts.policy.clocks.byUrgency)) {
    const hours = (r: { amount: number; unit: string }) => r.amount * { minutes: 1 / 60, hours: 1, calendar_days: 24, working_days: 24 }[r.unit as 'hours'];
    if (hours(rules.sign) > hours(rules.feedback) || hours(rules.firstContact) > hours(rules.feedback)) {
      throw new DomainError('VALIDATION_FAILED', `For ${urgency} cases, signing and first contact must fit inside the feedback time.`, {
        field: `body.clocks.byUrgency.${urgency}`,
      });
    }
  }
  // Read before the transaction: on the embedded database a query outside it would wait for it.
  const before = await ctx.casePolicy.info();
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.casePolicy.put(opts.policy, opts.actor.username, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'case_policy.put', targetType: 'settings', targetId: 'case_policy', data: { before: before.policy, after: opts.policy } }, trx);
  });
  ctx.casePolicy.forget();
  return view(ctx);
}
