// A small made-up organisation for the intake tests: two districts sharing street and community
// names (as Beijing's do), one street whose name contains a district's short form, and bodies.
import { childPath, type Unit } from '../src';

function unit(code: string, name: string, cls: Unit['class'], parent: Unit | null, kind: string | null = null, isActive = true): Unit {
  return { code, name, class: cls, kind, parentCode: parent?.code ?? null, path: childPath(parent?.path ?? null, code), isActive };
}

export const centre = unit('990000', '示例市热线中心', 'centre', null);
export const dongshan = unit('990101', '东山区', 'district', centre);
export const xishan = unit('990102', '西山区', 'district', centre);
export const dsTaoyuan = unit('990101001', '桃园街道', 'street', dongshan, '街道');
export const dsHekou = unit('990101002', '河口镇', 'street', dongshan, '镇');
export const xsTaoyuan = unit('990102001', '桃园街道', 'street', xishan, '街道');
export const xsDongshanmen = unit('990102002', '东山门街道', 'street', xishan, '街道');
export const dsXingfu = unit('990101001001', '幸福社区', 'community', dsTaoyuan, '社区');
export const dsTaoyuanXili = unit('990101001002', '桃园西里社区', 'community', dsTaoyuan, '社区');
export const dsDawangzhuang = unit('990101002201', '大王庄村', 'community', dsHekou, '村');
export const xsXingfu = unit('990102001001', '幸福社区', 'community', xsTaoyuan, '社区');
export const xsHongxing = unit('990102001002', '红星社区', 'community', xsTaoyuan, '社区');
export const closedCommunity = unit('990102001003', '旧城社区', 'community', xsTaoyuan, '社区', false);

export const cityWater = unit('D990000-SWJ', '市水务局', 'department', centre, '水务');
export const dsWater = unit('D990101-SWJ', '东山区水务局', 'department', dongshan, '水务');
export const cityHousing = unit('D990000-ZJW', '市住房和城乡建设委员会', 'department', centre, '住房建设');
export const cityHeat = unit('E990000-HEAT', '示例热力集团', 'enterprise', centre, '热');
export const retiredBody = unit('D990000-OLD', '市旧局', 'department', centre, '旧', false);

export const divisionsFixture: Unit[] = [
  centre,
  dongshan,
  xishan,
  dsTaoyuan,
  dsHekou,
  xsTaoyuan,
  xsDongshanmen,
  dsXingfu,
  dsTaoyuanXili,
  dsDawangzhuang,
  xsXingfu,
  xsHongxing,
  closedCommunity,
];
export const organisationFixture: Unit[] = [...divisionsFixture, cityWater, dsWater, cityHousing, cityHeat, retiredBody];
