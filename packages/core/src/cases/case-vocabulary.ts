// The words a case is described with: channels, kinds, urgencies, attachment kinds and a deadline
// span. A leaf module (imports nothing of the cases area), so clocks, types and rules can all use it.

export const CASE_CHANNELS = ['phone', 'web', 'app', 'wechat', 'letter', 'open311', 'proactive'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** 咨询 consultation · 求助 help · 投诉 complaint · 举报 report · 建议 suggestion · 表扬 praise. */
export const CASE_KINDS = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** 紧急 emergency · 水电气热 utilities · 一般 general · 疑难复杂 complex. */
export const CASE_URGENCIES = ['emergency', 'utilities', 'general', 'complex'] as const;
export type CaseUrgency = (typeof CASE_URGENCIES)[number];

export const ATTACHMENT_KINDS = ['photo', 'video', 'audio', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface DeadlineSpan {
  amount: number;
  unit: 'minutes' | 'hours' | 'calendar_days' | 'working_days';
}
