// From format 2 (repositories/case-archive.ts) the archive also holds a finished case's state
// document, and the case row's `state` keeps only the stub {"$archived": 2}. `up` does that for the
// cases 0037 archived already; `down` puts every archived document back into its row and packs
// the archive as format 1 again, so the code of 0037 can read it.
import { type Kysely, sql } from 'kysely';
import { ARCHIVED_MARK, ARCHIVED_STUB, type ArchiveFormat, isArchivedStub, packArchive, unpackArchive } from '../../repositories/case-archive';

const BATCH = 500;

/** Repacks, batch by batch in case-id order, every archive row of format `from` (inside the migration's transaction). */
async function repackAll(
  db: Kysely<unknown>,
  from: ArchiveFormat,
  repack: (db: Kysely<unknown>, rows: Array<{ case_id: string; packed: Uint8Array; state: Record<string, unknown> }>) => Promise<void>,
) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ case_id: string; packed: Uint8Array; state: Record<string, unknown> }>`
      select a.case_id, a.packed, c.state from case_archive a join cases c on c.id = a.case_id
      where a.case_id > ${after} and get_byte(a.packed, 0) = ${from}
      order by a.case_id limit ${BATCH}`.execute(db);
    if (rows.length > 0) await repack(db, rows);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]?.case_id ?? after;
  }
}

async function setPacked(trx: Kysely<unknown>, caseId: string, packed: Buffer) {
  await sql`update case_archive set packed = ${packed} where case_id = ${caseId}`.execute(trx);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await repackAll(db, 1, async (trx, rows) => {
    const documents = rows.filter((r) => !isArchivedStub(r.state));
    for (const r of documents) await setPacked(trx, r.case_id, packArchive({ ...unpackArchive(r.packed), document: r.state }, 2));
    const ids = documents.map((r) => r.case_id);
    if (ids.length > 0) await sql`update cases set state = ${JSON.stringify(ARCHIVED_STUB)}::jsonb where id in (${sql.join(ids)})`.execute(trx);
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await repackAll(db, 2, async (trx, rows) => {
    for (const r of rows) {
      const a = unpackArchive(r.packed);
      if (a.document !== null && isArchivedStub(r.state)) {
        await sql`update cases set state = ${JSON.stringify(a.document)}::jsonb where id = ${r.case_id} and state ? ${ARCHIVED_MARK}`.execute(trx);
      }
      await setPacked(trx, r.case_id, packArchive({ ...a, document: null }, 1));
    }
  });
}
