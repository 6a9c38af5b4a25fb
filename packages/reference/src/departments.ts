// The default departments (委办局) and public-service enterprises of a city, as an editable list:
// seeded once, then administrators rename, add or deactivate them through the API. City-level
// bodies hang under the centre; every district gets the district-level bodies in DISTRICT_DEPARTMENTS.
import { childPath, type Unit } from '@jiesu/core';

interface BodyTemplate {
  /** Short code, unique among siblings. */
  key: string;
  name: string;
  /** Sector for enterprises (水/排水/电/气/热/通信/公交), duty area for departments. */
  kind: string;
}

export const CITY_DEPARTMENTS: BodyTemplate[] = [
  { key: 'FGW', name: '市发展和改革委员会', kind: '发展改革' },
  { key: 'JW', name: '市教育委员会', kind: '教育' },
  { key: 'JXJ', name: '市经济和信息化局', kind: '经济信息' },
  { key: 'GAJ', name: '市公安局', kind: '公安' },
  { key: 'MZJ', name: '市民政局', kind: '民政' },
  { key: 'SFJ', name: '市司法局', kind: '司法' },
  { key: 'RSJ', name: '市人力资源和社会保障局', kind: '人力社保' },
  { key: 'GHZRW', name: '市规划和自然资源委员会', kind: '规划自然资源' },
  { key: 'STHJJ', name: '市生态环境局', kind: '生态环境' },
  { key: 'ZJW', name: '市住房和城乡建设委员会', kind: '住房建设' },
  { key: 'CGW', name: '市城市管理委员会', kind: '城市管理' },
  { key: 'JTW', name: '市交通委员会', kind: '交通' },
  { key: 'SWJ', name: '市水务局', kind: '水务' },
  { key: 'NYNCJ', name: '市农业农村局', kind: '农业农村' },
  { key: 'SWUJ', name: '市商务局', kind: '商务' },
  { key: 'WHLYJ', name: '市文化和旅游局', kind: '文化旅游' },
  { key: 'WJW', name: '市卫生健康委员会', kind: '卫生健康' },
  { key: 'SCJGJ', name: '市市场监督管理局', kind: '市场监管' },
  { key: 'YJGLJ', name: '市应急管理局', kind: '应急管理' },
  { key: 'YLLHJ', name: '市园林绿化局', kind: '园林绿化' },
  { key: 'TYJ', name: '市体育局', kind: '体育' },
  { key: 'YBJ', name: '市医疗保障局', kind: '医疗保障' },
  { key: 'CGZFJ', name: '市城市管理综合行政执法局', kind: '城管执法' },
  { key: 'XFJY', name: '市消防救援总队', kind: '消防' },
  { key: 'SWJU', name: '市税务局', kind: '税务' },
  { key: 'GJJ', name: '住房公积金管理中心', kind: '公积金' },
  { key: 'TYJR', name: '市退役军人事务局', kind: '退役军人' },
  { key: 'XFB', name: '市信访办', kind: '信访' },
];

export const CITY_ENTERPRISES: BodyTemplate[] = [
  { key: 'WATER', name: '北京市自来水集团', kind: '水' },
  { key: 'DRAIN', name: '北京城市排水集团', kind: '排水' },
  { key: 'POWER', name: '国网北京市电力公司', kind: '电' },
  { key: 'GAS', name: '北京市燃气集团', kind: '气' },
  { key: 'HEAT', name: '北京市热力集团', kind: '热' },
  { key: 'CMCC', name: '中国移动北京公司', kind: '通信' },
  { key: 'CUCC', name: '中国联通北京市分公司', kind: '通信' },
  { key: 'CTCC', name: '中国电信北京分公司', kind: '通信' },
  { key: 'BUS', name: '北京公交集团', kind: '公交' },
  { key: 'SUBWAY', name: '北京市地铁运营有限公司', kind: '轨道交通' },
  { key: 'POST', name: '中国邮政集团北京市分公司', kind: '邮政' },
];

/** Bodies every district has; '{d}' is replaced by the district's name. */
export const DISTRICT_DEPARTMENTS: BodyTemplate[] = [
  { key: 'ZJW', name: '{d}住房和城乡建设委员会', kind: '住房建设' },
  { key: 'CGW', name: '{d}城市管理委员会', kind: '城市管理' },
  { key: 'SCJGJ', name: '{d}市场监督管理局', kind: '市场监管' },
  { key: 'JW', name: '{d}教育委员会', kind: '教育' },
  { key: 'WJW', name: '{d}卫生健康委员会', kind: '卫生健康' },
  { key: 'RSJ', name: '{d}人力资源和社会保障局', kind: '人力社保' },
  { key: 'STHJJ', name: '{d}生态环境局', kind: '生态环境' },
  { key: 'CGZFJ', name: '{d}城市管理综合行政执法局', kind: '城管执法' },
  { key: 'GAJ', name: '{d}公安分局', kind: '公安' },
];

function body(cls: 'department' | 'enterprise', parent: Unit, t: BodyTemplate, name = t.name): Unit {
  const code = `${cls === 'department' ? 'D' : 'E'}${parent.code}-${t.key}`;
  return { code, name, class: cls, kind: t.kind, parentCode: parent.code, path: childPath(parent.path, code), isActive: true };
}

/** Default departments and enterprises for a centre and its districts. */
export function defaultBodies(centre: Unit, districts: Unit[]): Unit[] {
  const units: Unit[] = [];
  for (const t of CITY_DEPARTMENTS) units.push(body('department', centre, t, `北京${t.name}`));
  for (const t of CITY_ENTERPRISES) units.push(body('enterprise', centre, t));
  for (const d of districts) {
    for (const t of DISTRICT_DEPARTMENTS) units.push(body('department', d, t, t.name.replace('{d}', d.name)));
  }
  return units;
}
