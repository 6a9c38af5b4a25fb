// The stored case document (#17): it leaves out what the row holds in its own columns and its
// empty fields, and loading rebuilds the whole state; migration 0031 slims old documents (the
// document wins where a column disagrees) and its `down` rebuilds them from the columns.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration0031 from '../src/db/migrations/0031-lean-state';
import { reviveJson } from '../src/repositories/case-json';
import { closedCase, intakeBody } from './case-helpers';
import { type TestEnv, startTestEnv } from './harness';

describe('the lean case document', () => {
  let env: TestEnv;
  let caseId: string;
  beforeAll(async () => {
    env = await startTestEnv();
    caseId = await closedCase(env, intakeBody({ location: { ...intakeBody().location, coordinates: { lng: 116.47, lat: 39.99 } } }));
  });
  afterAll(async () => env?.close());

  const db = () => env.rt.ctx.db;
  const document = async () => reviveJson<Record<string, unknown>>((await db().selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirstOrThrow()).state);
  const migrate = (m: typeof migration0031, dir: 'up' | 'down') => m[dir](db() as unknown as Kysely<unknown>);

  it('stores neither the column fields nor empty ones, and loads the state the full document held', async () => {
    const lean = await document();
    for (const k of ['id', 'caseNumber', 'version', 'status', 'subject', 'receivedAt', 'closedAt', 'categoryCode', 'returns', 'disputes', 'visit', 'parent', 'clocks'])
      expect(Object.keys(lean)).not.toContain(k);
    // Kept: what no column holds (the coordinates of the location, the detail, the feedback …).
    expect(lean.location).toEqual({ coordinates: { lng: 116.47, lat: 39.99 } });
    expect(lean.detail).toBe(intakeBody().detail);
    expect((lean.feedbacks as unknown[]).length).toBe(1);
    const loaded = (await env.rt.ctx.repos.cases.load(caseId))!.state;

    // The full document as it was stored before 0031, rebuilt by the migration's own SQL from the columns.
    await migrate(migration0031, 'down');
    const full = await document();
    expect(Object.keys(full).sort()).toEqual(
      Object.keys(loaded)
        .filter((k) => k !== 'clocks')
        .sort(),
    );
    const { clocks, ...loadedDocument } = loaded;
    expect(loadedDocument).toEqual(full);
    expect(full).toMatchObject({ status: 'closed', subject: intakeBody().subject, returns: [], visit: null, location: { address: intakeBody().location.address } });
    expect(clocks.length).toBeGreaterThanOrEqual(4);
    // A full (old) document loads the same state too.
    expect((await env.rt.ctx.repos.cases.load(caseId))!.state).toEqual(loaded);
    await migrate(migration0031, 'up');
    expect(await document()).toEqual(lean);
  });

  it('migration 0031 takes the document over a column that disagrees with it', async () => {
    const before = (await env.rt.ctx.repos.cases.load(caseId))!.state;
    await migrate(migration0031, 'down');
    await db().updateTable('cases').set({ subject: '别的标题', status: 'received', closed_at: null, street_code: null }).where('id', '=', caseId).execute();
    await migrate(migration0031, 'up');
    const row = await db().selectFrom('cases').select(['subject', 'status', 'closed_at', 'street_code']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ subject: intakeBody().subject, status: 'closed', closed_at: before.closedAt, street_code: '110105026' });
    expect((await env.rt.ctx.repos.cases.load(caseId))!.state).toEqual(before);
    // Run twice: a lean document is left as it is.
    await migrate(migration0031, 'up');
    expect((await env.rt.ctx.repos.cases.load(caseId))!.state).toEqual(before);
  });

  it('shows the case over the API as before: number, place, feedback and empty lists', async () => {
    const supervisor = await env.as('supervisor');
    const res = await supervisor.get(`/api/cases/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ id: caseId, status: 'closed', subject: intakeBody().subject, returns: [], extensions: [], visit: null });
    expect(c.location).toMatchObject({ address: intakeBody().location.address, streetCode: '110105026', coordinates: { lng: 116.47, lat: 39.99 } });
    expect(c.feedbacks).toHaveLength(1);
  });
});
