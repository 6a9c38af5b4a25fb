// Adapts PGlite (one in-process connection) to the small pg.Pool surface that Kysely's
// PostgresDialect uses, so both databases run through the same dialect and the same queries.
// PGlite has a single session, so a connection is held exclusively (a FIFO mutex) until released:
// that keeps a transaction's statements from interleaving with another request's.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

export class PGlitePool implements PostgresPool {
  private locked = false;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly pg: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    if (this.locked) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.locked = true;
    let released = false;
    const client: PostgresPoolClient = {
      query: (async (sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<unknown>> => {
        const result = await this.pg.query(sql, parameters as unknown[]);
        const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
        return {
          command: command as PostgresQueryResult<unknown>['command'],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      }) as PostgresPoolClient['query'],
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiters.shift();
        if (next) next();
        else this.locked = false;
      },
    };
    return client;
  }

  async end(): Promise<void> {
    await this.pg.close();
  }
}
