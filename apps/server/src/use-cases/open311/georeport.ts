// The GeoReport v2 vocabulary: the shapes the Open311 endpoints return (snake_case, as the spec
// names them), presenting a jiesu case as a service request, and instants as ISO 8601 with the
// city's offset (2026-11-27T09:30:00+08:00). Pure: no I/O.
import { CASE_STATUS_INFO, type CaseState, DomainError, liveLead, zonedParts, zonedWallTimeToInstant } from '@jiesu/core';
import { type HistoryLike, publicEvents } from '../public/public-history';

export interface GeoReportService {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  group: string | null;
}

export interface GeoReportAttribute {
  variable: boolean;
  code: string;
  datatype: string;
  required: boolean;
  datatype_description: string | null;
  order: number | null;
  description: string | null;
  values?: Array<{ key: string; name: string }>;
}

export interface GeoReportServiceDefinition {
  service_code: string;
  attributes: GeoReportAttribute[];
}

export interface GeoReportNote {
  datetime: string;
  type: string;
  status: string;
  summary: string;
}

export interface GeoReportRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** extensions=true only: jiesu's own status and number. */
  extended_attributes?: { jiesu_status: string; jiesu_status_label: string; jiesu_stage: string; case_number: string; channel: string };
  /** extensions=true only: the public history. */
  notes?: GeoReportNote[];
}

export interface GeoReportToken {
  token: string;
  service_request_id: string | null;
}

export interface GeoReportUpdate {
  update_id: string;
  service_request_id: string;
  status: 'open' | 'closed';
  updated_datetime: string;
  description: string;
  media_url: string | null;
  jiesu_status: string;
}

/** ISO 8601 with the zone's offset at that instant, to the second. */
export function isoInZone(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
  const wallMs = Date.UTC(y, m - 1, d, p.hour, p.minute, p.second);
  const offsetMin = Math.round((wallMs - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.date}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const W3C = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A w3 datetime from a query parameter; without an offset it is read in the city's zone. */
export function parseW3cDate(value: string, field: string, timeZone: string): Date {
  const m = W3C.exec(value.trim());
  if (!m || !m[1]) throw new DomainError('VALIDATION_FAILED', `${field} must be a W3C/ISO 8601 datetime such as 2026-11-27T09:30:00+08:00; got "${value}".`, { field });
  if (m[5]) {
    const d = new Date(value.trim().replace(' ', 'T'));
    if (Number.isNaN(d.getTime())) throw new DomainError('VALIDATION_FAILED', `${field} is not a valid datetime: "${value}".`, { field });
    return d;
  }
  try {
    return zonedWallTimeToInstant(m[1], { hour: Number(m[2] ?? 0), minute: Number(m[3] ?? 0), second: Number(m[4] ?? 0) }, timeZone);
  } catch {
    throw new DomainError('VALIDATION_FAILED', `${field} is not a real date: "${value}".`, { field });
  }
}

export function openOrClosed(state: CaseState): 'open' | 'closed' {
  return CASE_STATUS_INFO[state.status].isOpen ? 'open' : 'closed';
}

function agencyOf(state: CaseState): string | null {
  const lead = liveLead(state) ?? [...state.assignments].reverse().find((a) => a.role === 'lead') ?? null;
  return lead?.unit.name ?? null;
}

function expectedOf(state: CaseState): Date | null {
  if (!CASE_STATUS_INFO[state.status].isOpen) return null;
  const running = state.clocks.filter((c) => c.status === 'running' && (c.key === 'feedback' || c.key === 'dispatch'));
  const feedback = running.find((c) => c.key === 'feedback');
  return (feedback ?? running[0])?.dueAt ?? null;
}

export interface PresentOptions {
  timeZone: string;
  serviceCode: string;
  serviceName: string | null;
  mediaUrl: string | null;
  addressId: string | null;
  updatedAt: Date;
  history: readonly HistoryLike[];
  withExtensions: boolean;
}

export function presentRequest(state: CaseState, o: PresentOptions): GeoReportRequest {
  const events = publicEvents(o.history, state);
  const last = events[events.length - 1];
  const iso = (d: Date) => isoInZone(d, o.timeZone);
  const expected = expectedOf(state);
  const request: GeoReportRequest = {
    service_request_id: state.caseNumber,
    status: openOrClosed(state),
    status_notes: last?.text ?? null,
    service_name: o.serviceName,
    service_code: o.serviceCode,
    description: state.detail ? state.detail.slice(0, 4000) : null,
    agency_responsible: agencyOf(state),
    service_notice: null,
    requested_datetime: iso(state.receivedAt),
    updated_datetime: iso(state.closedAt && !CASE_STATUS_INFO[state.status].isOpen ? state.closedAt : o.updatedAt),
    expected_datetime: expected ? iso(expected) : null,
    address: state.location.address || null,
    address_id: o.addressId,
    zipcode: null,
    lat: state.location.coordinates?.lat ?? null,
    long: state.location.coordinates?.lng ?? null,
    media_url: o.mediaUrl,
  };
  if (o.withExtensions) {
    request.extended_attributes = {
      jiesu_status: state.status,
      jiesu_status_label: CASE_STATUS_INFO[state.status].label,
      jiesu_stage: CASE_STATUS_INFO[state.status].stage,
      case_number: state.caseNumber,
      channel: state.channel,
    };
    request.notes = events.map((e) => ({ datetime: iso(e.at), type: e.action, status: e.status, summary: e.text }));
  }
  return request;
}
