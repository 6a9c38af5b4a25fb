// Residents' proposals (居民提案): a resident proposes a matter for their community; once the
// community opens it, neighbours support it; the community puts it on a meeting's agenda or
// answers why not. The proposer's identity stays confidential: public views carry none of it.
import { DomainError } from '../errors';
import { illegalTransition, requireText } from './meeting';

export const PROPOSAL_STATUSES = ['submitted', 'open', 'on_agenda', 'answered'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_INFO: Readonly<Record<ProposalStatus, { zh: string; en: string; isPublic: boolean; isAnswered: boolean }>> = {
  submitted: { zh: '待审核', en: 'Submitted', isPublic: false, isAnswered: false },
  open: { zh: '征集附议中', en: 'Open for support', isPublic: true, isAnswered: false },
  on_agenda: { zh: '已列入议程', en: 'On an agenda', isPublic: true, isAnswered: true },
  answered: { zh: '已答复', en: 'Answered', isPublic: true, isAnswered: true },
};

export const PROPOSAL_ACTIONS = ['open', 'put_on_agenda', 'answer'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

const PROPOSAL_FROM: Readonly<Record<ProposalAction, readonly ProposalStatus[]>> = {
  open: ['submitted'],
  put_on_agenda: ['open'],
  answer: ['submitted', 'open'],
};

/** Supports at which the console flags a proposal as ready for an agenda (a default; configurable). */
export const DEFAULT_PROPOSAL_SUPPORT_THRESHOLD = 5;

export function parseSupportThreshold(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_PROPOSAL_SUPPORT_THRESHOLD;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) {
    throw new DomainError('VALIDATION_FAILED', 'The support threshold must be a whole number from 1 to 10000.', { field: 'supportThreshold' });
  }
  return value;
}

export const PROPOSAL_SUPPORT_THRESHOLD_SETTING = {
  key: 'deliberation.proposalSupportThreshold',
  defaultValue: DEFAULT_PROPOSAL_SUPPORT_THRESHOLD,
  parse: parseSupportThreshold,
} as const;

export interface Proposal {
  id: string;
  communityCode: string;
  title: string;
  detail: string;
  status: ProposalStatus;
  supportCount: number;
  /** Set when answered: why it will not go to a meeting (or what was done instead). */
  answer: string | null;
  agendaItemId: string | null;
  submittedAt: Date;
  openedAt: Date | null;
  answeredAt: Date | null;
  version: number;
}

export type ProposalCommand = { type: 'open' } | { type: 'put_on_agenda'; agendaItemId: string } | { type: 'answer'; answer: string };

export function allowedProposalActions(status: ProposalStatus): ProposalAction[] {
  return PROPOSAL_ACTIONS.filter((a) => PROPOSAL_FROM[a].includes(status));
}

export function decideProposal(p: Proposal, command: ProposalCommand, ctx: { now: Date }): Proposal {
  if (!PROPOSAL_FROM[command.type].includes(p.status)) {
    illegalTransition('proposal', p.status, command.type, `Allowed now: ${allowedProposalActions(p.status).join(', ') || 'nothing (it is answered)'}.`);
  }
  const next: Proposal = { ...p, version: p.version + 1 };
  switch (command.type) {
    case 'open':
      next.status = 'open';
      next.openedAt = new Date(ctx.now.getTime());
      return next;
    case 'put_on_agenda':
      next.status = 'on_agenda';
      next.agendaItemId = command.agendaItemId;
      next.answeredAt = new Date(ctx.now.getTime());
      return next;
    case 'answer':
      next.status = 'answered';
      next.answer = requireText(command.answer, 'answer', 1000);
      next.answeredAt = new Date(ctx.now.getTime());
      return next;
  }
}

/** Support is taken only while the proposal is open for it. */
export function assertSupportable(p: Pick<Proposal, 'status'>): void {
  if (p.status !== 'open') illegalTransition('proposal', p.status, 'take support', 'Support is gathered while a proposal is open for it.');
}

export function isSupported(p: Pick<Proposal, 'supportCount'>, threshold: number): boolean {
  return p.supportCount >= threshold;
}

/** A mainland mobile number (the portal's proof of a resident); spaces and dashes are ignored. */
export function normalizeMobile(phone: string, field = 'phone'): string {
  const digits = phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (!/^1[3-9]\d{9}$/.test(digits)) throw new DomainError('VALIDATION_FAILED', '请输入 11 位手机号。Enter an 11-digit mobile number.', { field });
  return digits;
}
