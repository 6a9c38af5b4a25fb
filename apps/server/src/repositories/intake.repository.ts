// All SQL of intake intelligence: the reference behind suggestions (aliases, boundaries, the whole organisation for the gazetteer), category models, case tokens and the
// duplicate search over a street's recent open cases.
import { type CaseStatus, type DuplicateCandidate, type DuplicateMatch, FINISHED_CASE_STATUSES, OPEN_CASE_STATUSES, type Unit } from '@jiesu/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { ARCHIVED_MARK, unpackArchive } from './case-archive';
import { toUnit } from './unit.repository';

type Db = Kysely<Database>;

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export interface AliasRow {
  id: number;
  alias: string;
  unitCode: string;
  unitName: string;
  kind: string;
}

export interface BoundaryRow {
  unitCode: string;
  level: string;
  polygons: Array<Array<[number, number]>>;
  source: string | null;
}

export interface ModelRow {
  id: number;
  createdAt: Date;
  format: string;
  formatVersion: number;
  labels: string[];
  trainingSize: number;
  metrics: Record<string, unknown> | null;
  source: string;
  isActive: boolean;
}

/** The core's duplicate-search shapes (packages/core/src/intake/duplicates.ts). */
export type RecentCase = DuplicateCandidate;
export type DuplicateRow = DuplicateMatch;

export interface TrainingCaseRow {
  subject: string;
  detail: string;
  label: string;
}

export class IntakeRepository {
  constructor(private readonly db: Db) {}

  /** Every unit, active or not (the gazetteer and the routing lookup filter by themselves). */
  async allUnits(trx: Db = this.db): Promise<Unit[]> {
    return (await trx.selectFrom('units').selectAll().execute()).map(toUnit);
  }

  /** Changes whenever a unit or category is added, edited or switched on/off: a cheap staleness check for cached indexes. */
  async referenceSignature(trx: Db = this.db): Promise<string> {
    const r = await sql<{ units: string; categories: string }>`
      select (select count(*) || '/' || coalesce(max(updated_at)::text, '') from units) as units,
             (select count(*) || '/' || coalesce(max(updated_at)::text, '') from categories) as categories`.execute(trx);
    const row = r.rows[0];
    return row ? `${row.units}|${row.categories}` : '';
  }

  async listAliases(trx: Db = this.db): Promise<AliasRow[]> {
    const rows = await trx
      .selectFrom('gazetteer_aliases as a')
      .innerJoin('units as u', 'u.code', 'a.unit_code')
      .select(['a.id', 'a.alias', 'a.unit_code', 'u.name', 'a.kind'])
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({ id: Number(r.id), alias: r.alias, unitCode: r.unit_code, unitName: r.name, kind: r.kind }));
  }

  /** null when the same alias already points at the same unit. */
  async insertAlias(a: { alias: string; unitCode: string; kind: string }, createdBy: string, trx: Db = this.db): Promise<number | null> {
    const row = await trx
      .insertInto('gazetteer_aliases')
      .values({ alias: a.alias, unit_code: a.unitCode, kind: a.kind, created_by: createdBy })
      .onConflict((oc) => oc.columns(['alias', 'unit_code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? Number(row.id) : null;
  }

  async deleteAlias(id: number, trx: Db = this.db): Promise<{ alias: string; unitCode: string } | null> {
    const row = await trx.deleteFrom('gazetteer_aliases').where('id', '=', id).returning(['alias', 'unit_code']).executeTakeFirst();
    return row ? { alias: row.alias, unitCode: row.unit_code } : null;
  }

  async listBoundaries(trx: Db = this.db): Promise<BoundaryRow[]> {
    const rows = await trx.selectFrom('unit_boundaries').selectAll().orderBy('unit_code').execute();
    return rows.map((r) => ({ unitCode: r.unit_code, level: r.level, polygons: parseJson(r.polygons), source: r.source }));
  }

  async upsertBoundaries(boundaries: BoundaryRow[], updatedBy: string, trx: Db = this.db): Promise<void> {
    for (let i = 0; i < boundaries.length; i += 200) {
      const batch = boundaries.slice(i, i + 200).map((b) => ({
        unit_code: b.unitCode,
        level: b.level,
        polygons: JSON.stringify(b.polygons),
        source: b.source,
        updated_by: updatedBy,
      }));
      await trx
        .insertInto('unit_boundaries')
        .values(batch)
        .onConflict((oc) =>
          oc.column('unit_code').doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            polygons: eb.ref('excluded.polygons'),
            source: eb.ref('excluded.source'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
  }

  async deleteBoundary(unitCode: string, trx: Db = this.db): Promise<boolean> {
    const r = await trx.deleteFrom('unit_boundaries').where('unit_code', '=', unitCode).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // ---- category models ----

  async insertModel(
    m: { format: string; formatVersion: number; labels: string[]; trainingSize: number; metrics: unknown; source: string; artifact: unknown; createdBy: string },
    trx: Db = this.db,
  ): Promise<number> {
    const row = await trx
      .insertInto('category_models')
      .values({
        format: m.format,
        format_version: m.formatVersion,
        labels: m.labels,
        training_size: m.trainingSize,
        metrics: m.metrics === null || m.metrics === undefined ? null : JSON.stringify(m.metrics),
        source: m.source,
        artifact: JSON.stringify(m.artifact),
        created_by: m.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** Makes one model the active one (false when no model has that id). */
  async activateModel(id: number, trx: Db): Promise<boolean> {
    const exists = await trx.selectFrom('category_models').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) return false;
    await trx.updateTable('category_models').set({ is_active: false }).where('is_active', '=', true).execute();
    await trx.updateTable('category_models').set({ is_active: true }).where('id', '=', id).execute();
    return true;
  }

  async listModels(trx: Db = this.db): Promise<ModelRow[]> {
    const rows = await trx
      .selectFrom('category_models')
      .select(['id', 'created_at', 'format', 'format_version', 'labels', 'training_size', 'metrics', 'source', 'is_active'])
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      createdAt: r.created_at,
      format: r.format,
      formatVersion: r.format_version,
      labels: r.labels,
      trainingSize: r.training_size,
      metrics: r.metrics === null ? null : parseJson<Record<string, unknown>>(r.metrics),
      source: r.source,
      isActive: r.is_active,
    }));
  }

  async activeModel(trx: Db = this.db): Promise<{ id: number; createdAt: Date; artifact: unknown } | null> {
    const row = await trx.selectFrom('category_models').select(['id', 'created_at', 'artifact']).where('is_active', '=', true).executeTakeFirst();
    return row ? { id: Number(row.id), createdAt: row.created_at, artifact: parseJson(row.artifact) } : null;
  }

  /** Finished cases with their level-1 category name as label, newest first (the detail of an archived case from its archive). */
  async trainingCases(limit: number, trx: Db = this.db): Promise<TrainingCaseRow[]> {
    const rows = await trx
      .selectFrom('cases as c')
      .innerJoin('categories as k', (j) => j.on(sql`k.code`, '=', sql`left(c.category_code, 2)`))
      .leftJoin('case_archive as a', (j) => j.onRef('a.case_id', '=', 'c.id').on(sql<boolean>`c.state ? ${ARCHIVED_MARK}`))
      .select(['c.subject', sql<string>`c.state->>'detail'`.as('detail'), 'a.packed', 'k.name'])
      .where('c.status', 'in', [...FINISHED_CASE_STATUSES])
      .orderBy('c.received_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => {
      const archived = r.packed === null ? null : unpackArchive(r.packed).document?.detail;
      return { subject: r.subject, detail: (typeof archived === 'string' ? archived : r.detail) ?? '', label: r.name };
    });
  }

  // ---- duplicates (case_tokens rows are written with the case, by CaseRepository.insert) ----

  /** Open cases of one street received since `since`, with their tokens: what the in-memory duplicate index holds. */
  async recentOpenCases(streetCode: string, since: Date, trx: Db = this.db): Promise<RecentCase[]> {
    const rows = await trx
      .selectFrom('case_tokens')
      .innerJoin('cases', 'cases.id', 'case_tokens.case_id')
      .select(['cases.id', 'cases.case_number', 'cases.subject', 'cases.status', 'cases.received_at', 'case_tokens.tokens'])
      .where('case_tokens.street_code', '=', streetCode)
      .where('case_tokens.received_at', '>=', since)
      .where('cases.closed_at', 'is', null)
      .where('cases.status', 'in', [...OPEN_CASE_STATUSES])
      .execute();
    return rows.map((r) => ({ caseId: r.id, caseNumber: r.case_number, subject: r.subject, status: r.status as CaseStatus, receivedAt: r.received_at, tokens: r.tokens }));
  }
}
