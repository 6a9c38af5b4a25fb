// Runs a job round every few seconds in the serving process. Rounds never overlap; an error is
// logged and the next round tries again. Every process may run the same jobs: each round claims
// its rows (FOR UPDATE SKIP LOCKED), so two processes never do the same work twice.
import type { FastifyBaseLogger } from 'fastify';

export function startPeriodicJob(name: string, intervalMs: number, log: Pick<FastifyBaseLogger, 'error'>, round: () => Promise<void>): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = round()
      .catch((err: unknown) => log.error({ err, job: name }, `${name} failed; retrying next round`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
