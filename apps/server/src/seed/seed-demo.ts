// Demo users, one or more per role, in units across the tree (documented in the README).
// All share the password DEMO_PASSWORD; never run this on a production database.
import type { Role } from '@jiesu/core';
import type { AppContext } from '../context';
import { hashPassword } from '../security/password';

export const DEMO_PASSWORD = 'jiesu-demo';

export const DEMO_USERS: Array<{ username: string; displayName: string; unitCode: string; roles: Role[] }> = [
  { username: 'admin', displayName: '系统管理员', unitCode: '110000', roles: ['administrator'] },
  { username: 'operator', displayName: '话务员 王芳', unitCode: '110000', roles: ['operator'] },
  { username: 'dispatcher', displayName: '派单员 李强', unitCode: '110000', roles: ['dispatcher'] },
  { username: 'supervisor', displayName: '督办员 赵敏', unitCode: '110000', roles: ['supervisor'] },
  { username: 'visitor', displayName: '回访员 陈静', unitCode: '110000', roles: ['visitor'] },
  { username: 'evaluator', displayName: '考评员 刘洋', unitCode: '110000', roles: ['evaluator'] },
  { username: 'analyst', displayName: '分析员 周婷', unitCode: '110000', roles: ['analyst'] },
  { username: 'cy.dispatcher', displayName: '朝阳区分中心 派单员', unitCode: '110105', roles: ['dispatcher'] },
  { username: 'cy.leader', displayName: '朝阳区 区领导', unitCode: '110105', roles: ['unit_leader'] },
  { username: 'wangjing.handler', displayName: '望京街道 承办人 孙磊', unitCode: '110105026', roles: ['handler'] },
  { username: 'wangjing.leader', displayName: '望京街道 主任', unitCode: '110105026', roles: ['unit_leader'] },
  { username: 'jianwai.handler', displayName: '建外街道 承办人 吴迪', unitCode: '110105001', roles: ['handler'] },
  { username: 'huajiadi.handler', displayName: '花家地西里社区 承办人', unitCode: '110105026034', roles: ['handler'] },
  { username: 'water.handler', displayName: '市水务局 承办人', unitCode: 'D110000-SWJ', roles: ['handler'] },
  { username: 'gas.handler', displayName: '燃气集团 承办人', unitCode: 'E110000-GAS', roles: ['handler'] },
];

export async function seedDemoUsers(ctx: AppContext): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let added = 0;
  for (const u of DEMO_USERS) {
    if (await ctx.repos.users.insert({ ...u, passwordHash })) added++;
  }
  return added;
}
