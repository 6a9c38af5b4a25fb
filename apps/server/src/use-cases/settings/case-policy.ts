// Read and change the case policy (clocks per urgency, reminders, extensions, evidence, attachment
// limits). A change applies to clocks started after it; running clocks keep their deadlines. The
// core setting checks the policy (e.g. signing must fit inside the feedback time); the settings
// store saves and audits it.
import type { CasePolicyResponse } from '@jiesu/contracts';
import { type Actor, CASE_POLICY_SETTING, type StoredCasePolicy } from '@jiesu/core';
import type { Static } from 'typebox';
import type { AppContext } from '../../context';
import { asBodyFieldAsync } from '../body-field';
import { requireRole } from '../require';

type PolicyView = Static<typeof CasePolicyResponse>;

/** The policy as plain data for the API (the domain type holds readonly lists). */
async function view(ctx: AppContext): Promise<PolicyView> {
  return structuredClone(await ctx.casePolicy.info()) as unknown as PolicyView;
}

export async function getCasePolicy(ctx: AppContext): Promise<PolicyView> {
  return view(ctx);
}

export async function putCasePolicy(ctx: AppContext, opts: { actor: Actor; policy: StoredCasePolicy }) {
  requireRole(opts.actor, 'administrator');
  await asBodyFieldAsync(() => ctx.settings.set(CASE_POLICY_SETTING, opts.policy, opts.actor));
  ctx.casePolicy.forget();
  return view(ctx);
}
