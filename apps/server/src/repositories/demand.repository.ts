// All SQL behind 诉求量 (requests per unit and period): cases received in a time window, counted
// by the street and district of their location and by their current lead unit.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface RequestCounts {
  byStreet: Map<string, number>;
  byDistrict: Map<string, number>;
  byLead: Map<string, number>;
}

export class DemandRepository {
  constructor(private readonly db: Db) {}

  /** Requests received in [start, end): one GROUP BY with grouping sets over the window's cases. */
  async requestCounts(start: Date, end: Date, trx: Db = this.db): Promise<RequestCounts> {
    const rows = await sql<{ street_code: string | null; district_code: string | null; lead_unit_code: string | null; n: number; g: number }>`
      select street_code, district_code, lead_unit_code, count(*)::int as n,
             grouping(street_code, district_code, lead_unit_code)::int as g
      from cases
      where received_at >= ${start} and received_at < ${end}
      group by grouping sets ((street_code), (district_code), (lead_unit_code))
    `.execute(trx);
    const out: RequestCounts = { byStreet: new Map(), byDistrict: new Map(), byLead: new Map() };
    for (const r of rows.rows) {
      // grouping() bits: street 4, district 2, lead 1 — a bit set means "not grouped by that column".
      if (r.g === 0b011 && r.street_code !== null) out.byStreet.set(r.street_code, r.n);
      else if (r.g === 0b101 && r.district_code !== null) out.byDistrict.set(r.district_code, r.n);
      else if (r.g === 0b110 && r.lead_unit_code !== null) out.byLead.set(r.lead_unit_code, r.n);
    }
    return out;
  }
}
