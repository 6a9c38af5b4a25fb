// A few demo work items for `seed --demo` / `serve --demo`, so the 工作任务 screen has something to
// show: 望京街道's leader sets tasks for 花家地西里社区 (a plain task, a notice to acknowledge, a
// meeting follow-up owned by a building lead) and 朝阳区 sets 望京街道 a topic task. Idempotency
// keys make a second run add nothing. Deadlines count from the moment of seeding.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../context';
import { createOrReplayWorkItem, type CreateWorkItemOptions } from '../use-cases/work-items/create-work-item';

async function demoActor(ctx: AppContext, username: string): Promise<Actor | null> {
  const user = await ctx.repos.users.findByUsername(username);
  const unit = user ? await ctx.unitDirectory.find(user.unitCode) : null;
  if (!user || !unit) return null;
  return { userId: user.id, username: user.username, displayName: user.displayName, unitCode: unit.code, unitPath: unit.path, unitClass: unit.class, roles: user.roles };
}

type Demo = Omit<CreateWorkItemOptions, 'actor'> & { by: string };

const DEMO_ITEMS: Demo[] = [
  {
    by: 'wangjing.leader',
    kind: 'general',
    title: '清理花家地西里5号楼楼道堆物',
    detail: '多名居民反映5号楼楼道堆放杂物，占用消防通道。请社区会同物业清理并张贴告示。',
    owner: { unitCode: '110105026034' },
    due: { amount: 3, unit: 'working_days' },
    isEvidenceRequired: true,
  },
  {
    by: 'wangjing.leader',
    kind: 'notice_ack',
    title: '关于做好冬季燃气安全入户检查的通知',
    detail: '请各社区组织网格员于本月内完成辖区燃气用户入户检查，签收后传达至各网格。',
    owner: { unitCode: '110105026034' },
    due: { amount: 2, unit: 'working_days' },
    sourceType: 'notice',
    sourceId: 'demo-notice-1',
  },
  {
    by: 'wangjing.leader',
    kind: 'meeting_followup',
    title: '议事会决定：5号楼单元门口加装雨棚',
    detail: '11月居民议事会表决通过，由楼门长牵头征求本楼住户意见，社区协调物业施工。',
    owner: { unitCode: '110105026034', personName: '王建国（5号楼楼门长）', personContact: '13900001111' },
    due: { amount: 10, unit: 'working_days' },
    sourceType: 'meeting',
    sourceId: 'demo-meeting-1',
  },
  {
    by: 'cy.leader',
    kind: 'topic_task',
    title: '每月一题：老旧小区加装电梯需求摸排',
    detail: '摸排辖区老旧小区加装电梯意愿和条件，形成清单报区住建委。',
    owner: { unitCode: '110105026' },
    due: { amount: 15, unit: 'working_days' },
    sourceType: 'topic',
    sourceId: 'demo-topic-1',
  },
];

export async function seedDemoWorkItems(ctx: AppContext): Promise<number> {
  let added = 0;
  for (const [i, { by, ...item }] of DEMO_ITEMS.entries()) {
    const actor = await demoActor(ctx, by);
    if (!actor) continue; // demo users not loaded
    const { isNew } = await createOrReplayWorkItem(ctx, { ...item, actor, idempotencyKey: `demo-work-item-${i + 1}` });
    if (isNew) added++;
  }
  return added;
}
