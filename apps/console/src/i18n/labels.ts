// Labels of the domain vocabulary in both languages. zh-CN status labels come from the core's one
// status catalogue (CASE_STATUS_INFO), never re-typed here.
import {
  CASE_STATUS_INFO,
  type CaseAction,
  type CaseChannel,
  type CaseKind,
  type CaseStatus,
  type CaseUrgency,
  type Role,
  type UnitClass,
  type WorkItemAction,
  type WorkItemKind,
  type WorkItemStatus,
} from '@jiesu/core';
import type { Bilingual, Lang } from './lang';

const STATUS_EN: Record<CaseStatus, string> = {
  received: 'Received',
  answered: 'Answered directly',
  dispatched: 'Dispatched',
  returned: 'Returned, to review',
  disputed: 'Jurisdiction dispute',
  signed: 'Signed',
  handling: 'Handling',
  feedback: 'Awaiting review',
  closed: 'Closed',
  visited: 'Visited',
  scored: 'Scored',
  merged: 'Merged',
};

export function statusLabel(s: CaseStatus, lang: Lang): string {
  return lang === 'zh' ? CASE_STATUS_INFO[s].label : STATUS_EN[s];
}

/** antd Tag colour per status stage. */
export function statusColor(s: CaseStatus): string {
  switch (CASE_STATUS_INFO[s].stage) {
    case 'with_centre':
      return s === 'returned' || s === 'disputed' ? 'orange' : 'blue';
    case 'with_unit':
      return 'processing';
    case 'finished':
      return 'success';
    case 'linked':
      return 'default';
  }
}

export const KIND_LABELS: Record<CaseKind, Bilingual> = {
  consultation: { zh: '咨询', en: 'Consultation' },
  help: { zh: '求助', en: 'Help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  praise: { zh: '表扬', en: 'Praise' },
};

export const URGENCY_LABELS: Record<CaseUrgency, Bilingual> = {
  emergency: { zh: '紧急', en: 'Emergency' },
  utilities: { zh: '水电气热', en: 'Utilities' },
  general: { zh: '一般', en: 'General' },
  complex: { zh: '疑难复杂', en: 'Complex' },
};

export const URGENCY_COLORS: Record<CaseUrgency, string> = { emergency: 'red', utilities: 'volcano', general: 'default', complex: 'purple' };

export const CHANNEL_LABELS: Record<CaseChannel, Bilingual> = {
  phone: { zh: '电话', en: 'Phone' },
  web: { zh: '网站', en: 'Web' },
  app: { zh: '移动端', en: 'App' },
  wechat: { zh: '微信', en: 'WeChat' },
  letter: { zh: '来信', en: 'Letter' },
  open311: { zh: 'Open311', en: 'Open311' },
  proactive: { zh: '主动治理', en: 'Proactive' },
};

export const ROLE_LABELS: Record<Role, Bilingual> = {
  operator: { zh: '话务员', en: 'Operator' },
  dispatcher: { zh: '派单员', en: 'Dispatcher' },
  handler: { zh: '承办人', en: 'Handler' },
  unit_leader: { zh: '单位负责人', en: 'Unit leader' },
  supervisor: { zh: '督办员', en: 'Supervisor' },
  visitor: { zh: '回访员', en: 'Visitor' },
  evaluator: { zh: '考评员', en: 'Evaluator' },
  administrator: { zh: '系统管理员', en: 'Administrator' },
  analyst: { zh: '分析员', en: 'Analyst' },
};

export const UNIT_CLASS_LABELS: Record<UnitClass, Bilingual> = {
  centre: { zh: '市热线中心', en: 'Centre' },
  district: { zh: '区', en: 'District' },
  street: { zh: '街道乡镇', en: 'Street / township' },
  community: { zh: '社区村', en: 'Community / village' },
  section: { zh: '科室', en: 'Section' },
  department: { zh: '委办局', en: 'Department' },
  enterprise: { zh: '公共服务企业', en: 'Enterprise' },
};

export const ACTION_LABELS: Record<CaseAction | 'intake', Bilingual> = {
  intake: { zh: '受理', en: 'Taken in' },
  answer: { zh: '直接答复', en: 'Answered directly' },
  dispatch: { zh: '派单', en: 'Dispatch' },
  redispatch: { zh: '改派', en: 'Re-dispatch' },
  sign: { zh: '签收', en: 'Sign' },
  return: { zh: '退单', en: 'Return' },
  accept_return: { zh: '同意退单', en: 'Accept return' },
  refuse_return: { zh: '驳回退单', en: 'Refuse return' },
  open_dispute: { zh: '发起管辖争议', en: 'Open dispute' },
  rule_dispute: { zh: '争议裁定', en: 'Rule dispute' },
  acknowledge: { zh: '协办确认', en: 'Acknowledge' },
  add_co_handler: { zh: '增加协办', en: 'Add co-handler' },
  contact: { zh: '联系诉求人', en: 'Contact requester' },
  note: { zh: '办理记录', en: 'Note' },
  whistle: { zh: '吹哨', en: 'Whistle' },
  whistle_report: { zh: '报到', en: 'Report in' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  approve_extension: { zh: '批准延期', en: 'Approve extension' },
  refuse_extension: { zh: '驳回延期', en: 'Refuse extension' },
  submit_feedback: { zh: '办结反馈', en: 'Submit feedback' },
  close: { zh: '审核办结', en: 'Close' },
  send_back: { zh: '退回重办', en: 'Send back' },
  merge: { zh: '并案', en: 'Merge' },
  link_child: { zh: '关联并案', en: 'Link request' },
  parent_closed: { zh: '随主案办结', en: 'Closed with parent' },
  record_visit: { zh: '回访', en: 'Return visit' },
  score: { zh: '计入考核', en: 'Scored' },
  remind: { zh: '催办', en: 'Remind' },
  escalate: { zh: '督办', en: 'Escalate' },
};

export const CLOCK_LABELS: Record<string, Bilingual> = {
  dispatch: { zh: '派单时限', en: 'Dispatch' },
  sign: { zh: '签收时限', en: 'Sign' },
  first_contact: { zh: '响应时限', en: 'First contact' },
  firstContact: { zh: '响应时限', en: 'First contact' },
  feedback: { zh: '办结时限', en: 'Feedback' },
  rework: { zh: '重办时限', en: 'Rework' },
  whistle_arrival: { zh: '报到时限', en: 'Whistle arrival' },
};

export function clockLabel(name: string, lang: Lang): string {
  return CLOCK_LABELS[name]?.[lang] ?? name;
}

export const SATISFACTION_LABELS: Record<'satisfied' | 'basically_satisfied' | 'dissatisfied', Bilingual> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

export const INVALID_VISIT_LABELS: Record<'unreached' | 'declined' | 'wrong_number', Bilingual> = {
  unreached: { zh: '联系不上', en: 'Could not be reached' },
  declined: { zh: '拒绝回访', en: 'Declined' },
  wrong_number: { zh: '号码错误', en: 'Wrong number' },
};

export const APPEAL_REASON_LABELS: Record<'unreasonable_demand' | 'not_our_duty' | 'duplicate' | 'requester_unreachable' | 'other', Bilingual> = {
  unreasonable_demand: { zh: '不合理诉求', en: 'Unreasonable demand' },
  not_our_duty: { zh: '非本单位职责', en: 'Not our duty' },
  duplicate: { zh: '重复诉求', en: 'Duplicate' },
  requester_unreachable: { zh: '无法联系诉求人', en: 'Requester unreachable' },
  other: { zh: '其他', en: 'Other' },
};

// Work items (工作任务). A kind added to WORK_ITEM_KINDS in the core needs its label here (the type says so).
export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, Bilingual> = {
  topic_task: { zh: '每月一题任务', en: 'Topic task' },
  meeting_followup: { zh: '议事会决定落实', en: 'Meeting follow-up' },
  warning_action: { zh: '预警处置', en: 'Warning action' },
  notice_ack: { zh: '通知签收', en: 'Notice to acknowledge' },
  general: { zh: '一般任务', en: 'General task' },
};

export const WORK_ITEM_STATUS_LABELS: Record<WorkItemStatus, Bilingual> = {
  open: { zh: '待办理', en: 'Open' },
  in_progress: { zh: '办理中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

export function workItemStatusColor(s: WorkItemStatus): string {
  switch (s) {
    case 'open':
      return 'blue';
    case 'in_progress':
      return 'processing';
    case 'done':
      return 'success';
    case 'cancelled':
      return 'default';
    default: {
      const unknown: never = s;
      return String(unknown);
    }
  }
}

export const WORK_ITEM_ACTION_LABELS: Record<WorkItemAction | 'create', Bilingual> = {
  create: { zh: '交办', en: 'Set' },
  start: { zh: '开始办理', en: 'Start' },
  progress: { zh: '报告进展', en: 'Report progress' },
  complete: { zh: '办结', en: 'Complete' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  cancel: { zh: '撤销', en: 'Cancel item' },
  extend: { zh: '延期', en: 'Extend' },
  remind: { zh: '催办', en: 'Remind' },
  escalate: { zh: '督办', en: 'Escalate' },
};

export const NOTIFICATION_KIND_LABELS: Record<string, Bilingual> = {
  assigned: { zh: '新派单', en: 'Assigned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  summoned: { zh: '吹哨召集', en: 'Whistled' },
  reminder: { zh: '催办', en: 'Reminder' },
  escalation: { zh: '督办', en: 'Escalation' },
  requester_feedback: { zh: '办结反馈', en: 'Feedback' },
  work_item_assigned: { zh: '新任务', en: 'New work item' },
  work_item_reopened: { zh: '任务重新打开', en: 'Work item reopened' },
  work_item_extended: { zh: '任务延期', en: 'Work item extended' },
  work_item_reminder: { zh: '任务催办', en: 'Work item reminder' },
  work_item_escalation: { zh: '任务督办', en: 'Work item escalated' },
  work_item_completed: { zh: '任务已办结', en: 'Work item completed' },
  work_item_cancelled: { zh: '任务已撤销', en: 'Work item cancelled' },
};

export const DEADLINE_UNIT_LABELS: Record<'minutes' | 'hours' | 'calendar_days' | 'working_days', Bilingual> = {
  minutes: { zh: '分钟', en: 'minutes' },
  hours: { zh: '小时', en: 'hours' },
  calendar_days: { zh: '自然日', en: 'calendar days' },
  working_days: { zh: '工作日', en: 'working days' },
};
