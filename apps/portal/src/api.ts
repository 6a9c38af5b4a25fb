// The portal's typed client for /api/public (same origin). Errors carry the server's message,
// which is written for residents (zh-CN first).
import {
  type CallArgs,
  type EndpointShape,
  endpointUrl,
  type Jsonified,
  PUBLIC_ENDPOINTS,
  type PublicCommunitySchema,
  type PublicRankingRowSchema,
  type PublicTopicSchema,
  type ResponseOf,
  type TrackingProof,
  type VisitSatisfaction,
} from '@jiesu/contracts';
import type { Static } from 'typebox';

const E = PUBLIC_ENDPOINTS;
export type PublicService = ResponseOf<typeof E.services>[number];
export type Submitted = ResponseOf<typeof E.submit>;
export type PublicCaseView = ResponseOf<typeof E.track>;
export type PublicEvent = PublicCaseView['events'][number];
export type Satisfaction = VisitSatisfaction;
export type { TrackingProof };
export type RankingRow = Jsonified<Static<typeof PublicRankingRowSchema>>;
export type PublicRankings = ResponseOf<typeof E.rankings>;
export type PublicCommunity = Jsonified<Static<typeof PublicCommunitySchema>>;
export type PublicTopic = Jsonified<Static<typeof PublicTopicSchema>>;

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

/** One typed call: the endpoint description gives the method, URL, body and response type. */
export function call<Ep extends EndpointShape>(ep: Ep, args: CallArgs<Ep>): Promise<ResponseOf<Ep>> {
  const url = endpointUrl(ep, args.params as Record<string, string> | undefined, args.query as Record<string, unknown> | undefined);
  const init: RequestInit = { method: ep.method };
  if (args.body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(args.body);
  }
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
  // Not yet endpoint descriptions (see docs/architecture.md): typed here by their contract schemas.
  communities: (q: string) => send<Array<{ code: string; name: string; streetName: string | null }>>(`/api/public/communities?q=${encodeURIComponent(q)}`),
  community: (code: string) => send<PublicCommunity>(`/api/public/communities/${encodeURIComponent(code)}/deliberation`),
  propose: (payload: { communityCode: string; title: string; detail: string; name: string | null; phone: string }) =>
    send<{ proposalId: string; isNew: boolean }>('/api/public/proposals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }),
  support: (id: string, phone: string) =>
    send<{ supportCount: number; isNew: boolean }>(`/api/public/proposals/${encodeURIComponent(id)}/support`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone }),
    }),
  topics: (month?: string) => send<{ items: PublicTopic[] }>(`/api/public/topics${month ? `?month=${encodeURIComponent(month)}` : ''}`),
};
