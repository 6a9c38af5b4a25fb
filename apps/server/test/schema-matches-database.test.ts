// db/schema.ts (the Kysely table types, kept by hand) must name exactly the tables and columns the
// migrations create. The type file is read with the TypeScript compiler (interface Database → each
// table's interface → its properties) and compared with information_schema on a fresh database.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { createPostgresDatabase, pgliteTemplate, TEST_PG_URL } from './harness';

function columnsFromTypes(): Record<string, string[]> {
  const file = fileURLToPath(new URL('../src/db/schema.ts', import.meta.url));
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
  });
  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no interface Database');
  const out: Record<string, string[]> = {};
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const table = (member.name as ts.Identifier).text;
    const typeName = member.type.typeName.getText(source);
    const decl = interfaces.get(typeName);
    if (!decl) throw new Error(`Database.${table} refers to ${typeName}, which schema.ts does not declare`);
    out[table] = decl.members
      .filter(ts.isPropertySignature)
      .map((p) => (p.name as ts.Identifier).text)
      .sort();
  }
  return out;
}

it('db/schema.ts names exactly the tables and columns of the migrated database', async () => {
  const pgDb = TEST_PG_URL ? await createPostgresDatabase(TEST_PG_URL) : null;
  // an initialised, unmigrated PGlite from the run's template (saves initdb); it migrates itself below
  const bare = pgDb ? undefined : pgliteTemplate('bare');
  const database = await openDatabase({ databaseUrl: pgDb?.url ?? null, dataDir: null, ...(bare ? { loadDataDir: bare } : {}) });
  try {
    await migrateToLatest(database.db);
    const rows = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_migration%'
        -- a partition (case_history_y2026m12 …) is part of its table, not a table schema.ts declares
        and not exists (select 1 from pg_inherits i join pg_class p on p.oid = i.inhrelid where p.relname = c.table_name)`.execute(database.db);
    const actual: Record<string, string[]> = {};
    for (const r of rows.rows) (actual[r.table_name] ??= []).push(r.column_name);
    for (const cols of Object.values(actual)) cols.sort();
    const expected = columnsFromTypes();
    expect(Object.keys(expected).sort()).toEqual(Object.keys(actual).sort());
    for (const table of Object.keys(actual)) expect({ table, columns: expected[table] }).toEqual({ table, columns: actual[table] });
  } finally {
    await database.close();
    await pgDb?.drop();
  }
});
