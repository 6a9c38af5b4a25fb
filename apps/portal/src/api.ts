// The portal's typed client for /api/public (same origin). Errors carry the server's message,
// which is written for residents (zh-CN first).
import type { PublicCommunitySchema, PublicRankingRowSchema, PublicRankingsSchema, PublicTopicSchema, VisitSatisfaction } from '@jiesu/contracts';
import type { Static } from 'typebox';

export interface PublicService {
  serviceCode: string;
  name: string;
  group: string | null;
  description: string | null;
}

export interface Submitted {
  caseNumber: string;
  trackingToken: string;
  status: string;
  receivedAt: string;
}

export interface PublicEvent {
  seq: number;
  at: string;
  action: string;
  status: string;
  text: string;
}

export type Satisfaction = VisitSatisfaction;

export interface PublicCaseView {
  caseNumber: string;
  status: string;
  statusLabel: string;
  isOpen: boolean;
  categoryName: string | null;
  subject: string;
  address: string;
  receivedAt: string;
  closedAt: string | null;
  events: PublicEvent[];
  canRate: boolean;
  rating: { satisfaction: Satisfaction; comment: string | null; ratedAt: string } | null;
}

export interface TrackingProof {
  caseNumber?: string;
  phoneLast4?: string;
  trackingToken?: string;
}

/** The API's shapes as JSON (dates become ISO strings). */
type Jsonified<T> = T extends Date ? string : T extends readonly (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

export type RankingRow = Jsonified<Static<typeof PublicRankingRowSchema>>;
export type PublicRankings = Jsonified<Static<typeof PublicRankingsSchema>>;
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

const BASE = '/api/public';

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, init);
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

const postJson = <T>(path: string, payload: unknown) =>
  call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });

export const api = {
  services: () => call<PublicService[]>('/services'),
  uploadPhoto: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call<{ id: string; mimeType: string; sizeBytes: number }>('/uploads', { method: 'POST', body: form });
  },
  submit: (payload: {
    serviceCode: string;
    detail: string;
    address: string;
    coordinates?: { lat: number; lng: number } | null;
    name?: string | null;
    phone?: string | null;
    photoIds?: string[];
  }) => postJson<Submitted>('/requests', payload),
  track: (proof: TrackingProof) => postJson<PublicCaseView>('/track', proof),
  rate: (proof: TrackingProof, satisfaction: Satisfaction, comment: string) => postJson<{ satisfaction: Satisfaction }>('/ratings', { ...proof, satisfaction, comment }),
  communities: (q: string) => call<Array<{ code: string; name: string; streetName: string | null }>>(`/communities?q=${encodeURIComponent(q)}`),
  community: (code: string) => call<PublicCommunity>(`/communities/${encodeURIComponent(code)}/deliberation`),
  propose: (payload: { communityCode: string; title: string; detail: string; name: string | null; phone: string }) => postJson<{ proposalId: string; isNew: boolean }>('/proposals', payload),
  support: (id: string, phone: string) => postJson<{ supportCount: number; isNew: boolean }>(`/proposals/${encodeURIComponent(id)}/support`, { phone }),
  topics: (month?: string) => call<{ items: PublicTopic[] }>(`/topics${month ? `?month=${encodeURIComponent(month)}` : ''}`),
  rankings: (period?: string) => call<PublicRankings>(`/rankings${period ? `?period=${encodeURIComponent(period)}` : ''}`),
};
