// The deliberation simulator over one quarter in one community, through the real use cases on a
// real database: the measures it reports are recomputed here from the rows it left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateDeliberation } from '../src/simulate/simulate-deliberation';
import { startTestEnv, type TestEnv } from './harness';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('simulate-deliberation', () => {
  it('a quarter of meetings, proposals and decisions in 花家地西里社区, and its measures', async () => {
    const r = await simulateDeliberation(env.rt.ctx, { quarterKey: '2026-Q4', seed: 7, cases: 24 });
    console.log(`[must-show] simulated quarter: ${JSON.stringify(r)}`);
    const db = env.rt.ctx.db;
    const closed = await db.selectFrom('meetings').select('id').where('community_code', '=', r.communityCode).where('status', '=', 'closed').execute();
    expect(r.meetings).toBe(3);
    expect(r.measures.meetingsHeld).toBe(closed.length);
    const decided = await db.selectFrom('meeting_agenda_items').select('id').where('status', '=', 'decided').execute();
    expect(r.measures.itemsDecided).toBe(decided.length);
    expect(r.measures.itemsDecided).toBe(r.motionsPassed);
    const tasks = await db.selectFrom('work_items').select(['status', 'due_at', 'closed_at', 'is_overdue']).where('kind', '=', 'meeting_followup').execute();
    expect(r.measures.tasksDue).toBe(tasks.filter((t) => t.due_at < new Date('2026-12-19T00:00:00+08:00')).length);
    const inQuarter = tasks.filter((t) => t.due_at < new Date('2026-12-19T00:00:00+08:00'));
    expect(r.measures.tasksDoneOnTime).toBe(inQuarter.filter((t) => t.status === 'done' && t.closed_at !== null && t.closed_at <= t.due_at).length);
    expect(r.measures.tasksOverdueOpen).toBe(inQuarter.filter((t) => t.status === 'open' || t.status === 'in_progress').length);
    expect(r.measures.proposalsReceived).toBe(6);
    // two a month: one answered, one put on the agenda → all six answered
    expect(r.measures.proposalsAnswered).toBe(6);
    expect(r.measures.casesInCommunity).toBe(24);
    // late tasks were escalated by the shared sweep (marked overdue)
    expect(tasks.filter((t) => t.is_overdue).length).toBeGreaterThan(0);
  });
});
