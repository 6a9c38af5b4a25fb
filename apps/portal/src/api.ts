// The portal's typed client for /api/public (same origin). Errors carry the server's message,
// which is written for residents (zh-CN first).
import {
  type CallArgs,
  type EndpointShape,
  endpointUrl,
  type Jsonified,
  PUBLIC_ENDPOINTS,
  type BodyOf,
  PUBLIC_GOVERNANCE_ENDPOINTS,
  type PublicRankingRowSchema,
  type ResponseOf,
  type TrackingProof,
  type VisitSatisfaction,
} from '@jiesu/contracts';
import type { Static } from 'typebox';

const E = PUBLIC_ENDPOINTS;
const G = PUBLIC_GOVERNANCE_ENDPOINTS;
/** A fresh Idempotency-Key for one user action. */
const newKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
export type PublicService = ResponseOf<typeof E.services>[number];
export type Submitted = ResponseOf<typeof E.submit>;
export type PublicCaseView = ResponseOf<typeof E.track>;
export type PublicEvent = PublicCaseView['events'][number];
export type Satisfaction = VisitSatisfaction;
export type { TrackingProof };
export type RankingRow = Jsonified<Static<typeof PublicRankingRowSchema>>;
export type PublicRankings = ResponseOf<typeof E.rankings>;
export type PublicCommunity = ResponseOf<typeof G.community>;
export type PublicTopic = ResponseOf<typeof G.topics>['items'][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请稍后再试。');
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    const message = res.status === 429 ? '操作太频繁，请一分钟后再试。' : (err?.message ?? `请求失败（${res.status}）`);
    throw new ApiError(res.status, err?.code ?? 'HTTP', message);
  }
  return body as T;
}

/**
 * One typed call: the endpoint description gives the method, URL, body and response type.
 * `headers` carries e.g. the Idempotency-Key of a replayable create.
 */
export function call<Ep extends EndpointShape>(ep: Ep, args: CallArgs<Ep>, headers?: Record<string, string>): Promise<ResponseOf<Ep>> {
  const url = endpointUrl(ep, args.params as Record<string, string> | undefined, args.query as Record<string, unknown> | undefined);
  const init: RequestInit = { method: ep.method };
  const h: Record<string, string> = { ...(headers ?? {}) };
  if (args.body !== undefined) {
    h['content-type'] = 'application/json';
    init.body = JSON.stringify(args.body);
  }
  if (Object.keys(h).length > 0) init.headers = h;
  return send<ResponseOf<Ep>>(url, init);
}

export const api = {
  services: () => call(E.services, {}),
  uploadPhoto: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return send<{ id: string; mimeType: string; sizeBytes: number }>('/api/public/uploads', { method: 'POST', body: form });
  },
  submit: (body: Parameters<typeof call<typeof E.submit>>[1]['body']) => call(E.submit, { body }),
  track: (proof: TrackingProof) => call(E.track, { body: proof }),
  rate: (proof: TrackingProof, satisfaction: Satisfaction, comment: string) => call(E.rate, { body: { ...proof, satisfaction, comment } }),
  rankings: (period?: string) => call(E.rankings, { query: period ? { period } : {} }),
  communities: (q: string) => call(G.communities, { query: { q } }),
  community: (code: string) => call(G.community, { params: { code } }),
  propose: (payload: BodyOf<typeof G.propose>) => call(G.propose, { body: payload }, { 'idempotency-key': newKey() }),
  support: (id: string, phone: string) => call(G.support, { params: { id }, body: { phone } }),
  topics: (month?: string) => call(G.topics, { query: month ? { month } : {} }),
};
