// Leases of periodic jobs that run in one process at a time (see migration 0017): claim, finish.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface JobLease {
  name: string;
  holder: string;
  expiresAt: Date;
  finishedAt: Date | null;
}

export class JobLeaseRepository {
  constructor(private readonly db: Db) {}

  /**
   * Takes the lease of job `name` for `holder` until `until`, when no one holds it or the lease ran
   * out at `now` (or holder already holds it). One statement: of two processes claiming at once,
   * exactly one gets it. Returns the lease when claimed, null when another holds it.
   */
  async claim(name: string, holder: string, now: Date, until: Date, trx: Db = this.db): Promise<JobLease | null> {
    const r = await sql<{ name: string; holder: string; expires_at: Date; finished_at: Date | null }>`
      insert into job_leases (name, holder, expires_at) values (${name}, ${holder}, ${until})
      on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
        where job_leases.expires_at <= ${now} or job_leases.holder = excluded.holder
      returning name, holder, expires_at, finished_at`.execute(trx);
    const row = r.rows[0];
    return row ? { name: row.name, holder: row.holder, expiresAt: new Date(row.expires_at), finishedAt: row.finished_at === null ? null : new Date(row.finished_at) } : null;
  }

  /** Ends holder's lease at `now`, recording that a round finished then. False when it had lost the lease. */
  async finish(name: string, holder: string, now: Date, trx: Db = this.db): Promise<boolean> {
    const r = await trx.updateTable('job_leases').set({ expires_at: now, finished_at: now }).where('name', '=', name).where('holder', '=', holder).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Gives the lease up without recording a finished round (the round failed). */
  async release(name: string, holder: string, now: Date, trx: Db = this.db): Promise<void> {
    await trx.updateTable('job_leases').set({ expires_at: now }).where('name', '=', name).where('holder', '=', holder).execute();
  }

  async find(name: string, trx: Db = this.db): Promise<JobLease | null> {
    const r = await trx.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
    return r ? { name: r.name, holder: r.holder, expiresAt: new Date(r.expires_at), finishedAt: r.finished_at === null ? null : new Date(r.finished_at) } : null;
  }
}
