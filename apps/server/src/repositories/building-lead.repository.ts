// All SQL about the building-lead register (楼门层长) of each community.
import type { BuildingLeadRole } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { BuildingLeadsTable, Database } from '../db/schema';

type Db = Kysely<Database>;

export interface BuildingLead {
  id: string;
  communityCode: string;
  communityPath: string;
  building: string;
  door: string | null;
  floor: string | null;
  role: BuildingLeadRole;
  name: string;
  phone: string;
  isActive: boolean;
}

function toLead(r: Selectable<BuildingLeadsTable>): BuildingLead {
  return {
    id: r.id,
    communityCode: r.community_code,
    communityPath: r.community_path,
    building: r.building,
    door: r.door,
    floor: r.floor,
    role: r.role as BuildingLeadRole,
    name: r.name,
    phone: r.phone,
    isActive: r.is_active,
  };
}

export class BuildingLeadRepository {
  constructor(private readonly db: Db) {}

  async insert(l: BuildingLead & { createdBy: string }, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('building_leads')
      .values({
        id: l.id,
        community_code: l.communityCode,
        community_path: l.communityPath,
        building: l.building,
        door: l.door,
        floor: l.floor,
        role: l.role,
        name: l.name,
        phone: l.phone,
        is_active: l.isActive,
        created_by: l.createdBy,
      })
      .execute();
  }

  async find(id: string, trx: Db = this.db): Promise<BuildingLead | null> {
    const row = await trx.selectFrom('building_leads').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toLead(row) : null;
  }

  async update(l: BuildingLead, trx: Db = this.db): Promise<void> {
    await trx
      .updateTable('building_leads')
      .set({ building: l.building, door: l.door, floor: l.floor, role: l.role, name: l.name, phone: l.phone, is_active: l.isActive, updated_at: sql`now()` })
      .where('id', '=', l.id)
      .execute();
  }

  async listByCommunity(communityCode: string, opts: { includeInactive?: boolean; ids?: string[] } = {}, trx: Db = this.db): Promise<BuildingLead[]> {
    let q = trx.selectFrom('building_leads').selectAll().where('community_code', '=', communityCode);
    if (!opts.includeInactive) q = q.where('is_active', '=', true);
    if (opts.ids) q = opts.ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('id', 'in', opts.ids);
    const rows = await q.orderBy('building').orderBy('door').orderBy('floor').orderBy('name').execute();
    return rows.map(toLead);
  }
}
