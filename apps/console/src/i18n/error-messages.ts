// What each error code means to a person, in both languages: what was wrong and what to do.
// Codes come from packages/core/src/errors.ts (and the client's own NETWORK/INTERNAL/BAD_RESPONSE);
// an unknown code falls back to a plain sentence by HTTP status — never to raw JSON.
import type { ErrorCode } from '@jiesu/core';
import type { ApiError, ClientErrorCode } from '../api/api-error';
import type { Bilingual, Lang } from './lang';

export const ERROR_MESSAGES: Partial<Record<ErrorCode | ClientErrorCode, Bilingual>> = {
  VALIDATION_FAILED: { zh: '填写的内容有误，请检查标出的字段后重试。', en: 'Some of what you entered is not valid; check the marked field and try again.' },
  UNAUTHENTICATED: { zh: '登录已失效，请重新登录。', en: 'Your session has ended; please log in again.' },
  INVALID_CREDENTIALS: { zh: '用户名或密码不正确。', en: 'The username or password is not correct.' },
  FORBIDDEN: { zh: '您的角色无权进行此操作。', en: 'Your role does not allow this.' },
  OUT_OF_SCOPE: { zh: '该工单或单位不在您单位的管辖范围内。', en: 'That case or unit is outside your unit’s area.' },
  NOT_FOUND: { zh: '没有找到要访问的内容。', en: 'What you asked for was not found.' },
  CONFLICT: { zh: '与现有数据冲突，请刷新后重试。', en: 'This conflicts with existing data; reload and try again.' },
  RATE_LIMITED: { zh: '操作过于频繁，请稍等一分钟再试。', en: 'Too many requests; wait a minute and try again.' },
  UNIT_NOT_FOUND: { zh: '没有找到该单位。', en: 'No such unit.' },
  UNIT_CODE_TAKEN: { zh: '单位编码已被使用，请换一个。', en: 'That unit code is already in use; choose another.' },
  CATEGORY_NOT_FOUND: { zh: '没有找到该分类。', en: 'No such category.' },
  CATEGORY_HAS_CHILDREN: { zh: '该分类下还有子分类，请先删除或移走子分类。', en: 'This category still has children; remove them first.' },
  USER_NOT_FOUND: { zh: '没有找到该用户。', en: 'No such user.' },
  USERNAME_TAKEN: { zh: '用户名已被使用，请换一个。', en: 'That username is taken; choose another.' },
  CALENDAR_INVALID_SCHEDULE: {
    zh: '节假日安排有误（日期格式或重复），请检查后重新上传。',
    en: 'The holiday schedule is not valid (date format or duplicates); fix it and upload again.',
  },
  CALENDAR_YEAR_MISSING: { zh: '该年份的节假日安排尚未载入，请管理员先上传。', en: 'That year’s holiday schedule is not loaded; an administrator must upload it first.' },
  CASE_NOT_FOUND: { zh: '没有找到该工单。', en: 'No such case.' },
  ILLEGAL_TRANSITION: { zh: '工单当前状态不允许此操作，请刷新查看最新状态。', en: 'The case’s current status does not allow this; reload to see where it stands.' },
  VERSION_CONFLICT: { zh: '工单已被他人更新，请刷新页面后再操作。', en: 'Someone else changed this case; reload the page and try again.' },
  NOT_LEAD_UNIT: { zh: '只有主办单位可以进行此操作。', en: 'Only the lead unit can do this.' },
  NOT_ASSIGNED_UNIT: { zh: '您的单位不是该工单的承办单位。', en: 'Your unit is not assigned to this case.' },
  NOT_SUMMONED_UNIT: { zh: '您的单位没有被吹哨召集到该工单。', en: 'Your unit was not whistled to this case.' },
  INVALID_DISPATCH_TARGET: {
    zh: '不能派给该单位，请选择街道、部门、企业或社区等承办单位。',
    en: 'The case cannot go to that unit; choose a street, department, enterprise or community.',
  },
  NOT_IN_DUTY_LIST: {
    zh: '该事项不在社区职责清单内，应由街道主办、社区协办。',
    en: 'This matter is not on the community’s duty list; the street must lead and the community assist.',
  },
  DUAL_DISPATCH_INVALID: { zh: '双派双督须同时派给街道及其下属社区。', en: 'Dual dispatch needs a street and one of its communities.' },
  BACKSTOP_LOCATION_UNKNOWN: { zh: '地址未定位到区，无法由属地区政府兜底。', en: 'The location has no district, so no district can take it as backstop.' },
  BACKSTOP_DISTRICT_MISMATCH: { zh: '兜底单位必须是诉求所在区。', en: 'The backstop unit must be the district of the location.' },
  ALREADY_ASSIGNED: { zh: '该单位已在承办该工单。', en: 'That unit already handles this case.' },
  ALREADY_ACKNOWLEDGED: { zh: '已经确认过了。', en: 'Already acknowledged.' },
  LEAD_CANNOT_RETURN_AFTER_SIGN: { zh: '主办单位签收后不能退单（首接负责制）。', en: 'The lead unit cannot return a case after signing it (first-receiver rule).' },
  RETURN_REFUSED_MUST_SIGN: { zh: '退单已被驳回，须签收办理。', en: 'Your return was refused; you must sign and handle the case.' },
  RULING_BINDING: { zh: '管辖争议已裁定，须按裁定办理，不能再退单。', en: 'A binding jurisdiction ruling names your unit; the case cannot be returned.' },
  EVIDENCE_REQUIRED: { zh: '请上传佐证材料（照片或文件）。', en: 'Upload evidence (a photo or document).' },
  DIRECT_ANSWER_NOT_CONSULTATION: { zh: '只有咨询类诉求可以直接答复。', en: 'Only a consultation can be answered directly.' },
  WHISTLE_ONLY_BY_STREET: { zh: '只有街道乡镇可以吹哨。', en: 'Only a street or township can whistle.' },
  WHISTLE_ALREADY_REPORTED: { zh: '该部门已经报到。', en: 'That department has already reported.' },
  EXTENSION_ALREADY_PENDING: { zh: '已有一个延期申请待审批。', en: 'An extension request is already pending.' },
  EXTENSION_LIMIT_REACHED: { zh: '延期次数已达上限。', en: 'No more extensions are allowed.' },
  EXTENSION_AFTER_DEADLINE: { zh: '已超过办理时限，不能再申请延期。', en: 'The deadline has passed; an extension can no longer be requested.' },
  NO_PENDING_EXTENSION: { zh: '没有待审批的延期申请。', en: 'There is no pending extension request.' },
  ATTACHMENT_TOO_LARGE: { zh: '文件太大，请压缩后重新上传。', en: 'The file is too large; shrink it and upload again.' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { zh: '不支持该文件类型，请上传图片、视频、录音或 PDF。', en: 'That file type is not allowed; upload a photo, video, recording or PDF.' },
  TOO_MANY_ATTACHMENTS: { zh: '附件数量过多。', en: 'Too many attachments.' },
  CANNOT_MERGE_INTO_SELF: { zh: '工单不能并入自身。', en: 'A case cannot be merged into itself.' },
  CANNOT_MERGE_A_PARENT: { zh: '已有并案的工单不能再并入其他工单。', en: 'A case with merged requests cannot be merged into another.' },
  MERGE_PARENT_NOT_OPEN: { zh: '目标工单已结束，不能并案。', en: 'The target case is finished; nothing can be merged into it.' },
  ALREADY_LINKED: { zh: '该工单已经关联过（并案或重复来电）。', en: 'This case is already linked (merged or marked as a repeat call).' },
  REPEAT_OF_OPEN_CASE: {
    zh: '此前的工单仍在办理中：请关联为重复件（并案），而不是重复来电。',
    en: 'The earlier case is still open: link it as a duplicate (merge), not as a repeat call.',
  },
  CLOCK_NOT_FOUND: { zh: '没有找到该时限。', en: 'No such clock.' },
  CLOCK_NOT_RUNNING: { zh: '该时限已停止。', en: 'That clock is no longer running.' },
  CLOCK_NOT_DUE: { zh: '尚未到催办/督办时间。', en: 'That clock is not yet due for a reminder or escalation.' },
  CLOCK_ALREADY_ESCALATED: { zh: '已经督办过了。', en: 'Already escalated.' },
  PERIOD_NOT_FOUND: { zh: '没有找到该考核周期。', en: 'No such evaluation period.' },
  SCORING_INVALID_PERIOD: { zh: '考核周期设置有误。', en: 'The evaluation period is not valid.' },
  SCORING_INVALID_WEIGHTS: { zh: '权重设置有误（须非负且合计为 1）。', en: 'The weights are not valid (non-negative, summing to 1).' },
  SCORING_NO_WEIGHTS: { zh: '该日期没有生效的考核权重。', en: 'No scoring weights are in force on that date.' },
  SCORING_UNKNOWN_UNIT: { zh: '考核数据中有未知单位。', en: 'The scoring data names an unknown unit.' },
  SCORING_INVALID_INPUT: { zh: '考核数据有误。', en: 'The scoring data is not valid.' },
  SCORING_ALREADY_PUBLISHED: {
    zh: '该周期已经发布过；重新发布须说明理由，将生成新版本。',
    en: 'This period is already published; publishing again needs a reason and makes a new version.',
  },
  PUBLICATION_NOT_FOUND: { zh: '没有找到该发布版本。', en: 'No such published version.' },
  VISIT_NOT_OPEN: { zh: '该工单当前不在待回访状态。', en: 'That case is not waiting for a return visit.' },
  APPEAL_NOT_FOUND: { zh: '没有找到该申诉。', en: 'No such appeal.' },
  APPEAL_ALREADY_OPEN: { zh: '该工单已有待审核或已同意的申诉。', en: 'This case already has an appeal pending or granted.' },
  APPEAL_ALREADY_DECIDED: { zh: '该申诉已经审核过了。', en: 'This appeal has already been decided.' },
  APPEAL_CASE_NOT_FINISHED: { zh: '工单办结后才能申诉。', en: 'A case can be appealed once it is closed.' },
  APPEAL_WINDOW_CLOSED: {
    zh: '已超过申诉时限（回访后规定天数内、本期成绩发布前）；如确有理由，请由市中心考核员以“逾期受理”方式代为提交。',
    en: 'The appeal window has closed (a set number of days after the visit, before the period is published); a centre evaluator may file it with an override reason.',
  },
  VISIT_MERGED_CHILD: { zh: '该工单已并案，按规定随主件回访，不单独回访。', en: 'This case was merged; the cluster is visited through its main case.' },
  WORK_ITEM_NOT_FOUND: { zh: '没有找到该工作任务。', en: 'No such work item.' },
  WORK_ITEM_CLOSED: { zh: '该任务已完成或已撤销，如需继续办理请由交办单位重新打开。', en: 'This work item is done or cancelled; the unit that set it can reopen it.' },
  WORK_ITEM_NOT_CLOSED: { zh: '该任务尚未结束，无需重新打开。', en: 'This work item is still open; there is nothing to reopen.' },
  NOT_WORK_ITEM_OWNER: { zh: '只有责任单位的承办人或负责人可以办理该任务。', en: 'Only a handler or leader of the owner unit can work on this item.' },
  NOT_WORK_ITEM_SUPERVISOR: {
    zh: '只有交办单位、上级督办员或管理员可以进行此操作。',
    en: 'Only the unit that set it, a supervisor above the owner or an administrator can do this.',
  },
  WORK_ITEM_ALREADY_ACKNOWLEDGED: { zh: '该任务已经签收过了。', en: 'This work item was already acknowledged.' },
  WORK_ITEM_NOT_DUE: { zh: '任务尚未到期，不能督办。', en: 'The work item is not past its deadline yet.' },
  WORK_ITEM_ALREADY_ESCALATED: { zh: '该期限已经督办过了。', en: 'This deadline was already escalated.' },
  WORK_ITEM_DUE_INVALID: {
    zh: '完成期限无效：须晚于现在（延期须晚于原期限），且不超过一年。',
    en: 'The deadline is not valid: it must be later than now (an extension later than the current deadline) and within a year.',
  },
  NETWORK: { zh: '无法连接服务器，请检查网络后重试。', en: 'The server cannot be reached; check the connection and try again.' },
  INTERNAL: { zh: '服务器出错了，错误已记录，请稍后再试。', en: 'Something went wrong on the server; it has been logged. Try again later.' },
  BAD_RESPONSE: { zh: '服务器返回了无法识别的内容，请稍后再试。', en: 'The server answered with something unexpected; try again later.' },
};

function fallback(status: number): Bilingual {
  if (status === 401) return ERROR_MESSAGES.UNAUTHENTICATED as Bilingual;
  if (status === 403) return ERROR_MESSAGES.FORBIDDEN as Bilingual;
  if (status === 404) return ERROR_MESSAGES.NOT_FOUND as Bilingual;
  if (status === 409) return { zh: '操作与工单当前状态冲突，请刷新后重试。', en: 'This conflicts with the current state; reload and try again.' };
  if (status === 422) return { zh: '请求未被受理：不符合业务规则。', en: 'The request was refused by a business rule.' };
  if (status >= 500) return ERROR_MESSAGES.INTERNAL as Bilingual;
  return { zh: '操作未成功，请检查后重试。', en: 'That did not work; check and try again.' };
}

/** The sentence to show for an error, in the user's language. */
export function messageForError(err: Pick<ApiError, 'code' | 'status'>, lang: Lang): string {
  const m = (ERROR_MESSAGES as Partial<Record<string, Bilingual>>)[err.code] ?? fallback(err.status);
  return m[lang];
}

/** Whether the user should reload before trying again. */
export function needsReload(err: Pick<ApiError, 'code'>): boolean {
  return err.code === 'VERSION_CONFLICT' || err.code === 'ILLEGAL_TRANSITION';
}
