// Helpers for scoring tests: closed cases made quickly by driving the real use cases (intake →
// dispatch → sign → contact → feedback → close) without HTTP, and actors built from demo users.
import type { Actor, CaseAttachment, CaseCommand, UnitClass } from '@jiesu/core';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { uploadAttachment } from '../src/use-cases/attachments/upload-attachment';
import { actOnCase } from '../src/use-cases/cases/act-on-case';
import { resolveAttachments, resolveUnit } from '../src/use-cases/cases/case-context';
import { takeInCase } from '../src/use-cases/cases/take-in-case';
import { intakeBody, PNG } from './case-helpers';
import type { TestEnv } from './harness';

export async function actorOf(env: TestEnv, username: string): Promise<Actor> {
  const u = await env.rt.ctx.db
    .selectFrom('users')
    .innerJoin('units', 'units.code', 'users.unit_code')
    .select(['users.id', 'users.username', 'users.display_name', 'users.roles', 'units.code', 'units.path', 'units.class'])
    .where('users.username', '=', username)
    .executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, displayName: u.display_name, unitCode: u.code, unitPath: u.path, unitClass: u.class as UnitClass, roles: u.roles as Actor['roles'] };
}

/** A handler of any unit, for bulk setup (the use cases only need an actor of that unit). */
async function handlerOf(env: TestEnv, unitCode: string): Promise<Actor> {
  const unit = await resolveUnit(env.rt.ctx, unitCode, 'unit');
  return { userId: randomUUID(), username: `handler.${unitCode}`, displayName: `承办人 ${unit.name}`, unitCode, unitPath: unit.path, unitClass: unit.class, roles: ['handler'] };
}

export interface CaseFactory {
  /** A case led by `leadCode` and closed, ready for its return visit. */
  closedCase(leadCode: string, location?: Record<string, unknown>): Promise<{ id: string; caseNumber: string }>;
}

export async function caseFactory(env: TestEnv): Promise<CaseFactory> {
  const ctx = env.rt.ctx;
  const [operator, dispatcher] = await Promise.all([actorOf(env, 'operator'), actorOf(env, 'dispatcher')]);
  return {
    async closedCase(leadCode, location) {
      const body = intakeBody(location ? { location } : {});
      const { state } = await takeInCase(ctx, {
        actor: operator,
        intake: { ...body, requester: { ...body.requester }, location: { coordinates: null, ...body.location } } as Parameters<typeof takeInCase>[1]['intake'],
      });
      const lead = await resolveUnit(ctx, leadCode, 'lead');
      const handler = await handlerOf(env, leadCode);
      // A file belongs to the one case it is first used on: each case's evidence is its handler's own upload.
      const photo = await uploadAttachment(ctx, { actor: handler, kind: 'photo', mimeType: 'image/png', name: 'evidence.png', stream: Readable.from([PNG]) });
      const evidence: CaseAttachment[] = await resolveAttachments(ctx, [photo.id]);
      const run = (actor: Actor, command: CaseCommand) => actOnCase(ctx, { actor, caseId: state.id, command });
      // A community may lead only categories on its duty list (准入): list this one for the test.
      const dutyLists = lead.class === 'community' ? { [lead.code]: [body.categoryCode] } : {};
      await actOnCase(ctx, { actor: dispatcher, caseId: state.id, command: { type: 'dispatch', plan: { lead, coHandlers: [] } }, dutyLists });
      await run(handler, { type: 'sign' });
      await run(handler, { type: 'contact', method: 'phone' });
      await run(handler, { type: 'submit_feedback', summary: '已处理完毕', isSolved: true, attachments: evidence });
      const closed = await run(dispatcher, { type: 'close' });
      if (closed.status !== 'closed') throw new Error(`case ${closed.caseNumber} is ${closed.status}, not closed`);
      return { id: state.id, caseNumber: state.caseNumber };
    },
  };
}
