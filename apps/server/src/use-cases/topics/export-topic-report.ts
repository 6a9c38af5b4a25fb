// The monthly topic report (每月一题 月报) as an Excel workbook: the topic, its problems with lead
// units, task progress and the before/after effect, the weekly series, and the policies.
import type { Actor } from '@jiesu/core';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context';
import { getTopic } from './get-topic';
import { getProblemEffect } from './problem-cases';
import { requireTopicRunner } from './topic-access';

const pct = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 10);

export async function exportTopicReport(ctx: AppContext, opts: { actor: Actor; topicId: string }): Promise<{ filename: string; body: Buffer }> {
  requireTopicRunner(opts.actor);
  const view = await getTopic(ctx, { actor: opts.actor, topicId: opts.topicId });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jiesu';
  const summary = wb.addWorksheet('问题与成效');
  summary.columns = [
    { header: '序号', key: 'seq', width: 6 },
    { header: '问题', key: 'title', width: 32 },
    { header: '牵头单位', key: 'lead', width: 20 },
    { header: '配合单位', key: 'co', width: 28 },
    { header: '任务数', key: 'tasks', width: 8 },
    { header: '已完成', key: 'done', width: 8 },
    { header: '超期', key: 'overdue', width: 8 },
    { header: '关联诉求', key: 'linked', width: 10 },
    { header: '启动前周均', key: 'beforePerWeek', width: 12 },
    { header: '启动后周均', key: 'afterPerWeek', width: 12 },
    { header: '启动前解决率(%)', key: 'beforeSolved', width: 16 },
    { header: '启动后解决率(%)', key: 'afterSolved', width: 16 },
    { header: '启动前满意率(%)', key: 'beforeSat', width: 16 },
    { header: '启动后满意率(%)', key: 'afterSat', width: 16 },
  ];
  const series = wb.addWorksheet('周趋势');
  series.columns = [
    { header: '问题', key: 'problem', width: 32 },
    { header: '周(相对启动)', key: 'week', width: 12 },
    { header: '起始日', key: 'from', width: 12 },
    { header: '诉求量', key: 'count', width: 10 },
    { header: '解决率(%)', key: 'solved', width: 10 },
    { header: '满意率(%)', key: 'sat', width: 10 },
  ];
  for (const p of view.problems) {
    const effect = view.topic.startedAt === null ? null : await getProblemEffect(ctx, { actor: opts.actor, topicId: view.topic.id, problemId: p.id });
    summary.addRow({
      seq: p.seq,
      title: p.title,
      lead: p.leadUnitName,
      co: p.coUnits.map((u) => u.name).join('、'),
      tasks: p.tasks.total,
      done: p.tasks.done,
      overdue: p.tasks.overdue,
      linked: p.linkedCases,
      beforePerWeek: effect?.before.perWeek ?? null,
      afterPerWeek: effect?.after.perWeek ?? null,
      beforeSolved: pct(effect?.before.resolutionRate ?? null),
      afterSolved: pct(effect?.after.resolutionRate ?? null),
      beforeSat: pct(effect?.before.satisfactionRate ?? null),
      afterSat: pct(effect?.after.satisfactionRate ?? null),
    });
    for (const b of effect?.series ?? []) {
      series.addRow({ problem: p.title, week: b.week, from: b.from.toISOString().slice(0, 10), count: b.count, solved: pct(b.resolutionRate), sat: pct(b.satisfactionRate) });
    }
  }
  const policies = wb.addWorksheet('政策');
  policies.columns = [
    { header: '政策名称', key: 'title', width: 40 },
    { header: '发布机关', key: 'body', width: 24 },
    { header: '发布日期', key: 'date', width: 12 },
    { header: '文件', key: 'doc', width: 8 },
  ];
  for (const x of view.policies) policies.addRow({ title: x.title, body: x.issuingBody, date: x.issuedOn, doc: x.attachmentId ? '有' : '' });
  for (const ws of [summary, series, policies]) ws.getRow(1).font = { bold: true };
  wb.title = `${view.topic.month} ${view.topic.title}`;
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `topic-${view.topic.month}.xlsx`, body };
}
