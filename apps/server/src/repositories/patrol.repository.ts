// All SQL about patrols and home visits (巡查、走访): one row per outing, the cases its findings became.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, PatrolsTable } from '../db/schema';

type Db = Kysely<Database>;

export const PATROL_KINDS = ['patrol', 'home_visit'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];

export interface Patrol {
  id: string;
  kind: PatrolKind;
  streetCode: string;
  communityCode: string;
  zoneId: string | null;
  unitCode: string;
  patrollerUserId: string;
  patrollerName: string;
  patrolledAt: Date;
  point: { lng: number; lat: number } | null;
  observations: string;
  attachmentIds: string[];
  caseIds: string[];
  createdAt: Date;
}

function toPatrol(r: Selectable<PatrolsTable>): Patrol {
  return {
    id: r.id,
    kind: r.kind as PatrolKind,
    streetCode: r.street_code,
    communityCode: r.community_code,
    zoneId: r.zone_id,
    unitCode: r.unit_code,
    patrollerUserId: r.patroller_user_id,
    patrollerName: r.patroller_name,
    patrolledAt: r.patrolled_at,
    point: r.lng === null || r.lat === null ? null : { lng: r.lng, lat: r.lat },
    observations: r.observations,
    attachmentIds: [...r.attachment_ids],
    caseIds: [...r.case_ids],
    createdAt: r.created_at,
  };
}

export class PatrolRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the patrol; false when its idempotency key was used before. */
  async insert(p: Omit<Patrol, 'createdAt' | 'caseIds'> & { idempotencyKey: string | null }, trx: Db = this.db): Promise<boolean> {
    const r = await trx
      .insertInto('patrols')
      .values({
        id: p.id,
        kind: p.kind,
        street_code: p.streetCode,
        community_code: p.communityCode,
        zone_id: p.zoneId,
        unit_code: p.unitCode,
        patroller_user_id: p.patrollerUserId,
        patroller_name: p.patrollerName,
        patrolled_at: p.patrolledAt,
        lng: p.point?.lng ?? null,
        lat: p.point?.lat ?? null,
        observations: p.observations,
        attachment_ids: p.attachmentIds,
        idempotency_key: p.idempotencyKey,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  async findById(id: string, trx: Db = this.db): Promise<Patrol | null> {
    const r = await trx.selectFrom('patrols').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toPatrol(r) : null;
  }

  async findByIdempotencyKey(key: string, trx: Db = this.db): Promise<Patrol | null> {
    const r = await trx.selectFrom('patrols').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    return r ? toPatrol(r) : null;
  }

  /** Locks the patrol row (turning a finding into a case happens once at a time). */
  async lock(id: string, trx: Db): Promise<Patrol | null> {
    const r = await trx.selectFrom('patrols').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    return r ? toPatrol(r) : null;
  }

  async addCase(id: string, caseId: string, trx: Db = this.db): Promise<void> {
    await trx
      .updateTable('patrols')
      .set({ case_ids: sql`array_append(case_ids, ${caseId}::uuid)` })
      .where('id', '=', id)
      .execute();
  }

  async list(filter: { streetCodes: readonly string[]; communityCode?: string; zoneId?: string; from?: Date; to?: Date; limit: number }, trx: Db = this.db): Promise<Patrol[]> {
    if (filter.streetCodes.length === 0) return [];
    let q = trx
      .selectFrom('patrols')
      .selectAll()
      .where('street_code', 'in', [...filter.streetCodes]);
    if (filter.communityCode) q = q.where('community_code', '=', filter.communityCode);
    if (filter.zoneId) q = q.where('zone_id', '=', filter.zoneId);
    if (filter.from) q = q.where('patrolled_at', '>=', filter.from);
    if (filter.to) q = q.where('patrolled_at', '<', filter.to);
    const rows = await q.orderBy('patrolled_at', 'desc').orderBy('id').limit(filter.limit).execute();
    return rows.map(toPatrol);
  }

  /** Patrol counts per community over [from, to): what coverage is measured from. */
  async countsByCommunity(streetCode: string, from: Date, to: Date, trx: Db = this.db): Promise<Map<string, number>> {
    const rows = await trx
      .selectFrom('patrols')
      .select(['community_code', sql<number>`count(*)::int`.as('n')])
      .where('street_code', '=', streetCode)
      .where('patrolled_at', '>=', from)
      .where('patrolled_at', '<', to)
      .groupBy('community_code')
      .execute();
    return new Map(rows.map((r) => [r.community_code, Number(r.n)]));
  }

  /** Distinct (community, local week) pairs patrolled over [from, to), for weekly coverage. */
  async patrolledWeeks(streetCode: string, from: Date, to: Date, timeZone: string, trx: Db = this.db): Promise<Array<{ communityCode: string; week: string }>> {
    const { rows } = await sql<{ community_code: string; week: string }>`
      select distinct community_code, to_char(date_trunc('week', patrolled_at at time zone ${timeZone}), 'YYYY-MM-DD') as week
      from patrols
      where street_code = ${streetCode} and patrolled_at >= ${from} and patrolled_at < ${to}`.execute(trx);
    return rows.map((r) => ({ communityCode: r.community_code, week: r.week }));
  }
}
