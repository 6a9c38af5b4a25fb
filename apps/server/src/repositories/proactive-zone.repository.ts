// All SQL about contracting zones (包干): a street's zones, each with its leader, team and term.
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProactiveZonesTable } from '../db/schema';
import { updateIfVersion } from './tx';

type Db = Kysely<Database>;

export interface ProactiveZone {
  id: string;
  streetCode: string;
  name: string;
  communityCodes: string[];
  polygon: Array<[number, number]> | null;
  leaderUserId: string;
  team: Array<{ name: string; userId: string | null }>;
  termStart: string;
  termEnd: string | null;
  isActive: boolean;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

function parsed<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

function toZone(r: Selectable<ProactiveZonesTable>): ProactiveZone {
  return {
    id: r.id,
    streetCode: r.street_code,
    name: r.name,
    communityCodes: [...r.community_codes].sort(),
    polygon: r.polygon === null ? null : parsed<Array<[number, number]>>(r.polygon),
    leaderUserId: r.leader_user_id,
    team: parsed<Array<{ name: string; userId: string | null }>>(r.team),
    termStart: r.term_start,
    termEnd: r.term_end,
    isActive: r.is_active,
    version: r.version,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type ZoneValues = Pick<ProactiveZone, 'streetCode' | 'name' | 'communityCodes' | 'polygon' | 'leaderUserId' | 'team' | 'termStart' | 'termEnd'>;

/** A zone's editable values as columns (the one place they are written). */
function zoneColumns(z: ZoneValues) {
  return {
    name: z.name,
    community_codes: z.communityCodes,
    polygon: z.polygon === null ? null : JSON.stringify(z.polygon),
    leader_user_id: z.leaderUserId,
    team: JSON.stringify(z.team),
    term_start: z.termStart,
    term_end: z.termEnd,
  };
}

export class ProactiveZoneRepository {
  constructor(private readonly db: Db) {}

  async insert(id: string, z: ZoneValues, createdBy: string, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('proactive_zones')
      .values({ id, street_code: z.streetCode, ...zoneColumns(z), created_by: createdBy })
      .execute();
  }

  /** Updates a zone if it is still at `version`; false when someone changed it meanwhile. */
  async update(id: string, version: number, z: ZoneValues & { isActive: boolean }, trx: Db = this.db): Promise<boolean> {
    return updateIfVersion(trx, 'proactive_zones', id, version, {
      ...zoneColumns(z),
      is_active: z.isActive,
      version: version + 1,
      updated_at: new Date(),
    });
  }

  async findById(id: string, trx: Db = this.db): Promise<ProactiveZone | null> {
    const r = await trx.selectFrom('proactive_zones').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toZone(r) : null;
  }

  /** Every zone of the street, oldest first; `forUpdate` locks them so two edits cannot both pass the overlap check. */
  async listByStreet(streetCode: string, trx: Db = this.db, forUpdate = false): Promise<ProactiveZone[]> {
    let q = trx.selectFrom('proactive_zones').selectAll().where('street_code', '=', streetCode).orderBy('created_at').orderBy('id');
    if (forUpdate) q = q.forUpdate();
    return (await q.execute()).map(toZone);
  }

  /** Zones of several streets (a district's view). */
  async listByStreets(streetCodes: readonly string[], trx: Db = this.db): Promise<ProactiveZone[]> {
    if (streetCodes.length === 0) return [];
    const rows = await trx
      .selectFrom('proactive_zones')
      .selectAll()
      .where('street_code', 'in', [...streetCodes])
      .orderBy('street_code')
      .orderBy('created_at')
      .execute();
    return rows.map(toZone);
  }
}
