// All SQL about the Open311 set-up: the services offered (jiesu categories with attribute
// definitions) and the API keys issued to client applications (only their hashes are stored).
import type { Open311Datatype, Open311ServiceType } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, Open311ApiKeysTable, Open311ServicesTable } from '../db/schema';
import { encodeJson, reviveJson } from './case-json';

type Db = Kysely<Database>;

export { OPEN311_DATATYPES, type Open311Datatype } from '@jiesu/core';

/** One attribute of a service definition, as GeoReport v2 describes it. */
export interface ServiceAttribute {
  code: string;
  datatype: Open311Datatype;
  /** false: only shown to the user (a notice), not an input. */
  variable: boolean;
  required: boolean;
  description: string | null;
  datatypeDescription: string | null;
  order: number | null;
  values: Array<{ key: string; name: string }>;
}

export interface CuratedService {
  serviceCode: string;
  categoryCode: string;
  serviceName: string | null;
  description: string | null;
  group: string | null;
  keywords: string | null;
  type: Open311ServiceType;
  attributes: ServiceAttribute[];
  sortOrder: number;
  isActive: boolean;
}

export interface ApiKey {
  id: string;
  clientName: string;
  keyPrefix: string;
  contact: string | null;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

function toService(r: Selectable<Open311ServicesTable>): CuratedService {
  return {
    serviceCode: r.service_code,
    categoryCode: r.category_code,
    serviceName: r.service_name,
    description: r.description,
    group: r.group_name,
    keywords: r.keywords,
    type: r.type as CuratedService['type'],
    attributes: reviveJson<ServiceAttribute[]>(r.attributes),
    sortOrder: r.sort_order,
    isActive: r.is_active,
  };
}

function toKey(r: Selectable<Open311ApiKeysTable>): ApiKey {
  return {
    id: r.id,
    clientName: r.client_name,
    keyPrefix: r.key_prefix,
    contact: r.contact,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

export class Open311Repository {
  constructor(private readonly db: Db) {}

  async listServices(opts: { includeInactive?: boolean } = {}, trx: Db = this.db): Promise<CuratedService[]> {
    let q = trx.selectFrom('open311_services').selectAll();
    if (!opts.includeInactive) q = q.where('is_active', '=', true);
    return (await q.orderBy('sort_order').orderBy('service_code').execute()).map(toService);
  }

  /** Whether an administrator curated the list at all (else every level-3 category is offered). */
  async hasCuratedServices(trx: Db = this.db): Promise<boolean> {
    const row = await trx
      .selectFrom('open311_services')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n > 0;
  }

  async upsertService(s: CuratedService, updatedBy: string, trx: Db = this.db): Promise<void> {
    const values = {
      category_code: s.categoryCode,
      service_name: s.serviceName,
      description: s.description,
      group_name: s.group,
      keywords: s.keywords,
      type: s.type,
      attributes: encodeJson(s.attributes),
      sort_order: s.sortOrder,
      is_active: s.isActive,
      updated_by: updatedBy,
    };
    await trx
      .insertInto('open311_services')
      .values({ service_code: s.serviceCode, ...values })
      .onConflict((oc) => oc.column('service_code').doUpdateSet({ ...values, updated_at: sql`now()` }))
      .execute();
  }

  async deleteService(serviceCode: string, trx: Db = this.db): Promise<boolean> {
    const r = await trx.deleteFrom('open311_services').where('service_code', '=', serviceCode).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async insertKey(k: { id: string; clientName: string; keyHash: string; keyPrefix: string; contact: string | null; createdBy: string }, trx: Db = this.db): Promise<ApiKey> {
    const row = await trx
      .insertInto('open311_api_keys')
      .values({ id: k.id, client_name: k.clientName, key_hash: k.keyHash, key_prefix: k.keyPrefix, contact: k.contact, created_by: k.createdBy })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toKey(row);
  }

  async listKeys(trx: Db = this.db): Promise<ApiKey[]> {
    return (await trx.selectFrom('open311_api_keys').selectAll().orderBy('created_at', 'desc').execute()).map(toKey);
  }

  /** The key with this hash if it has not been revoked. */
  async findActiveKeyByHash(keyHash: string, trx: Db = this.db): Promise<ApiKey | null> {
    const row = await trx.selectFrom('open311_api_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
    return row ? toKey(row) : null;
  }

  async revokeKey(id: string, revokedBy: string, at: Date, trx: Db = this.db): Promise<ApiKey | null> {
    const row = await trx
      .updateTable('open311_api_keys')
      .set({ revoked_at: at, revoked_by: revokedBy })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toKey(row) : null;
  }

  async findKey(id: string, trx: Db = this.db): Promise<ApiKey | null> {
    const row = await trx.selectFrom('open311_api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toKey(row) : null;
  }

  async touchKey(id: string, at: Date, trx: Db = this.db): Promise<void> {
    await trx.updateTable('open311_api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
