// The 未诉先办 simulator over a quarter on one street (望京), through the real use cases, and the
// street's measures for that quarter — printed, and checked against what the simulator reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateProactive, type SimulateProactiveReport } from '../src/simulate/simulate-proactive';
import { getProactiveMeasures } from '../src/use-cases/proactive/get-proactive-measures';
import { type TestEnv, startTestEnv } from './harness';
import { actorOf } from './scoring-helpers';

let env: TestEnv;
let report: SimulateProactiveReport;
const END = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  env = await startTestEnv({ now: () => END });
  report = await simulateProactive(env.rt.ctx, { days: 91, seed: 1, end: END });
}, 120_000);
afterAll(async () => {
  await env?.close();
});

describe('simulate-proactive', () => {
  it('produces zones, patrols, proactive cases, notices and warnings without failures', () => {
    console.log(JSON.stringify(report));
    expect(report.failures).toEqual([]);
    expect(report.zones).toBe(4);
    expect(report.patrols).toBeGreaterThan(50);
    expect(report.proactiveCases).toBeGreaterThan(5);
    expect(report.closed).toBeLessThanOrEqual(report.proactiveCases);
    expect(report.notices).toBe(3);
    expect(report.reminded).toBeGreaterThan(0);
    expect(report.escalated).toBeGreaterThan(0);
    expect(report.warnings).toBeGreaterThanOrEqual(1);
    expect(report.tasks).toBe(1);
  });

  it("gives the street's measures for the simulated quarter", async () => {
    const leader = await actorOf(env, 'wangjing.leader');
    const m = await getProactiveMeasures(env.rt.ctx, { actor: leader, streetCode: report.streetCode, firstDay: '2026-09-01', lastDay: '2026-11-30' });
    console.log(
      JSON.stringify({ range: [m.firstDay, m.lastDay], weeks: m.weeks, totals: m.totals, zones: m.zones.map((z) => ({ name: z.name, patrolCoverage: z.patrolCoverage })) }),
    );
    expect(m.totals.proactiveFound).toBe(report.proactiveCases);
    expect(m.totals.patrols).toBe(report.patrols);
    expect(m.totals.proactiveSolved).toBeGreaterThanOrEqual(report.closed);
    expect(m.totals.noticesSent).toBe(15);
    expect(m.totals.noticesOnTime).toBeLessThanOrEqual(report.acknowledgements);
    expect(m.zones).toHaveLength(4);
    for (const z of m.zones) expect(z.patrolCoverage ?? 0).toBeGreaterThan(0.2);
  });
});
