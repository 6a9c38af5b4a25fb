// jiesu's default dispatch catalogue (派单目录): the most common kinds of call a Beijing-style
// hotline hears, each with the phrases residents use, its category leaf (by name, see
// category-tree.ts) and who leads and co-handles it. The routing follows four principles:
//   - a utility fault goes to the enterprise that runs the network (gas, water, drainage, power,
//     heating, telecom, bus, metro, post);
//   - a neighbourhood matter goes to the street (属地: the street or township of the address);
//   - a matter in a licensed field goes to the department that licenses it (market regulation,
//     education, health, labour, housing, public security …), the district's own when it has one;
//   - what nobody else takes, the district backstops (兜底).
// Administrators replace the whole catalogue through the API; this list is where a city starts.
// Line format, one entry per line, to keep the table readable:
//   e(id, '一级/二级/三级', 'phrase|phrase|word+word', lead, [co-handlers], { excludes })
// with targets written 'street', 'district', 'department:<kind>' or 'enterprise:<kind>'.
import type { DispatchEntry, RoutingTarget } from '@jiesu/core';

/** 'street' | 'district' | 'community' | 'department:<kind>' | 'enterprise:<kind>' → a routing target. */
export function target(spec: string): RoutingTarget {
  const [cls, kind] = spec.split(':') as [string, string | undefined];
  if (cls === 'street' || cls === 'district' || cls === 'community') return { kind: 'unit_class', unitClass: cls };
  if ((cls === 'department' || cls === 'enterprise') && kind) return { kind: 'unit_class', unitClass: cls, departmentKind: kind };
  throw new Error(`dispatch catalogue: bad target '${spec}'`);
}

function e(id: string, path: string, keywords: string, lead: string, co: string[] = [], opts: { excludes?: string } = {}): DispatchEntry {
  return {
    id,
    categoryPath: path.split('/'),
    keywords: keywords.split('|'),
    ...(opts.excludes ? { excludes: opts.excludes.split('|') } : {}),
    lead: target(lead),
    ...(co.length > 0 ? { coHandlers: co.map(target) } : {}),
  };
}

const DEP = (kind: string) => `department:${kind}`;
const ENT = (kind: string) => `enterprise:${kind}`;

export const DEFAULT_DISPATCH_CATALOGUE: readonly DispatchEntry[] = [
  // 城乡建设 › 市政设施
  e('road-damage', '城乡建设/市政设施/道路破损', '道路破损|路面破损|坑洼|大坑|路面+坑|马路+坑|道路+坑|路面+破', 'street', [DEP('城市管理')], { excludes: '塌陷|人行道' }),
  e('manhole', '城乡建设/市政设施/井盖缺失', '井盖丢失|井盖缺失|没有井盖|井盖破损|井盖+丢|井盖+松动|井盖+坏|井盖+被盗|井盖', 'street', [DEP('城市管理')]),
  e('road-collapse', '城乡建设/市政设施/路面塌陷', '路面塌陷|塌陷|地陷|塌方|天坑|路面+塌', DEP('城市管理'), ['street', ENT('排水')]),
  e('streetlight', '城乡建设/市政设施/路灯不亮', '路灯不亮|路灯+不亮|路灯+坏|路灯+灭|没有路灯|路灯', DEP('城市管理'), ['street']),
  e('sidewalk', '城乡建设/市政设施/人行道破损', '人行道+破损|人行道+坑|步道砖|盲道+破损|人行道+翘起|盲道', 'street'),
  e('bridge', '城乡建设/市政设施/桥梁隧道', '过街天桥|桥梁|隧道|桥下+渗水|天桥', DEP('城市管理')),
  e('waterlogging', '城乡建设/市政设施/道路积水', '道路积水|路面积水|积水|下雨+淹', ENT('排水'), ['street']),
  // 城乡建设 › 燃气供应
  e('gas-leak', '城乡建设/燃气供应/燃气泄漏', '燃气泄漏|煤气泄漏|天然气泄漏|漏气|煤气味|燃气味|天然气味|闻到+煤气|闻到+燃气', ENT('气'), ['street']),
  e('gas-outage', '城乡建设/燃气供应/燃气停供', '燃气停供|停气|没有燃气|没燃气|打不着火|没有天然气|燃气+停', ENT('气'), [], { excludes: '泄漏|漏气|气味' }),
  e('gas-bill', '城乡建设/燃气供应/燃气收费', '燃气费|燃气收费|燃气卡|燃气表+充值|燃气+缴费|气费', ENT('气'), [], { excludes: '泄漏|漏气' }),
  e('gas-facility', '城乡建设/燃气供应/燃气设施', '燃气管道|燃气表|燃气+安检|燃气+改造|燃气管线|燃气+入户', ENT('气'), [], { excludes: '泄漏|漏气|气味' }),
  // 城乡建设 › 供水排水
  e('water-outage', '城乡建设/供水排水/停水', '停水|没水|断水|没有水|不来水|自来水+停', ENT('水'), [], { excludes: '水压' }),
  e('water-pressure', '城乡建设/供水排水/水压低', '水压低|水压小|水流小|水压不足|水压', ENT('水')),
  e('water-quality', '城乡建设/供水排水/水质问题', '水质|水发黄|水浑浊|自来水+异味|黄水|自来水+有味|水+发浑', ENT('水')),
  e('water-main-leak', '城乡建设/供水排水/供水管线漏水', '水管爆裂|爆管|跑水|管道爆裂|自来水管+漏|供水管+漏|水管+爆|水管+漏水', ENT('水'), ['street'], { excludes: '暖气' }),
  e('drain-blocked', '城乡建设/供水排水/排水不畅', '下水道+堵|排水不畅|雨水箅子|排水管+堵|下水+不通|返水', ENT('排水'), ['street']),
  e('sewage-overflow', '城乡建设/供水排水/污水外溢', '污水外溢|污水+冒|化粪池|污水+溢|粪水|污水+流', ENT('排水'), ['street'], { excludes: '河' }),
  // 城乡建设 › 电力供应
  e('power-outage', '城乡建设/电力供应/停电', '停电|断电|没电|没有电|跳闸|供电中断', ENT('电')),
  e('voltage', '城乡建设/电力供应/电压不稳', '电压不稳|电压低|电压高|忽明忽暗|电压', ENT('电'), [], { excludes: '停电' }),
  e('power-line', '城乡建设/电力供应/电力线路隐患', '电线+垂|电线杆|变压器|电缆+裸露|电线+老化|电线掉落|高压线|电线+落地', ENT('电'), ['street']),
  e('power-bill', '城乡建设/电力供应/电费', '电费|电表|电卡|购电', ENT('电'), [], { excludes: '停电|断电' }),
  // 城乡建设 › 冬季供暖
  e('heating-cold', '城乡建设/冬季供暖/供暖不热', '暖气不热|供暖不热|室温低|室温不达标|暖气片不热|暖气+不热|没有暖气|暖气+凉|室温+度', ENT('热'), ['street'], {
    excludes: '漏水|跑水',
  }),
  e('heating-leak', '城乡建设/冬季供暖/暖气漏水', '暖气漏水|暖气片+漏|暖气管+漏|暖气+跑水|暖气+漏', ENT('热'), ['street']),
  e('heating-fee', '城乡建设/冬季供暖/供暖收费', '供暖费|采暖费|取暖费|供暖+收费|报停|采暖+收费', ENT('热')),
  e('heating-stop', '城乡建设/冬季供暖/停暖', '停暖|停止供暖|供暖中断|不供暖|还没供暖|没开始供暖|供暖+停', ENT('热'), ['street']),
  // 城乡建设 › 建设施工
  e(
    'construction-noise-night',
    '城乡建设/建设施工/夜间施工噪声',
    '夜间施工|施工+夜间|施工+凌晨|施工+半夜|施工+晚上|连夜施工|施工噪音|施工噪声|打桩|施工+扰民',
    DEP('城管执法'),
    ['street', DEP('住房建设')],
    { excludes: '装修' },
  ),
  e('construction-dust', '城乡建设/建设施工/施工扬尘', '扬尘|工地+尘土|施工+灰尘|工地+灰|未苫盖', DEP('住房建设'), [DEP('城管执法')]),
  e('construction-safety', '城乡建设/建设施工/施工安全', '施工安全|脚手架|工地+安全|塔吊|基坑|围挡+倒', DEP('住房建设'), ['street']),
  e('muck-trucks', '城乡建设/建设施工/渣土运输', '渣土车|渣土+遗撒|遗撒|渣土运输|渣土', DEP('城管执法')),
  // 城乡建设 › 通信设施
  e('telecom-network', '城乡建设/通信设施/网络故障', '宽带|网络+断|没有信号|信号差|网速慢|手机信号|断网|网络故障', ENT('通信')),
  e('telecom-cable', '城乡建设/通信设施/通信线缆', '光缆|通信线|线缆+垂|飞线|线缆+乱|网线+乱', ENT('通信'), ['street'], { excludes: '充电' }),
  e('telecom-bill', '城乡建设/通信设施/通信收费', '话费|流量费|套餐+扣费|宽带+收费|携号转网|扣话费', ENT('通信')),
  // 城市管理 › 违法建设治理
  e('illegal-building', '城市管理/违法建设治理/违法建设', '违建|违法建设|违章建筑|违章建设|私建|加盖|扩建+房|私自+扩建', 'street', [DEP('城管执法')]),
  e('shanty', '城市管理/违法建设治理/私搭乱建', '私搭乱建|搭建+棚|彩钢房|楼顶+搭建|院内+搭建|乱搭建|搭建', 'street', [DEP('城管执法')]),
  e('green-occupied', '城市管理/违法建设治理/占用绿地', '占用绿地|毁绿|绿地+种菜|绿地+硬化|侵占绿地', 'street', [DEP('园林绿化')]),
  // 城市管理 › 市容环卫
  e('garbage', '城市管理/市容环卫/垃圾清运', '垃圾+清运|垃圾+满|垃圾+没人清|垃圾堆|垃圾桶+满溢|建筑垃圾|垃圾+堆积|垃圾+不清', 'street'),
  e('garbage-sort', '城市管理/市容环卫/垃圾分类', '垃圾分类|分类+垃圾桶|厨余垃圾|混装混运', 'street'),
  e('toilet', '城市管理/市容环卫/公厕管理', '公厕|公共厕所|厕所+脏|厕所+臭', 'street', [DEP('城市管理')]),
  e('street-cleaning', '城市管理/市容环卫/道路清扫', '清扫|路面+脏|落叶+没人扫|扫雪|积雪|结冰', 'street'),
  e('flyers', '城市管理/市容环卫/小广告', '小广告|乱贴|乱涂乱画|喷涂+广告|野广告', 'street'),
  // 城市管理 › 街面秩序
  e('street-vendors', '城市管理/街面秩序/占道经营', '占道经营|摆摊|流动商贩|店外经营|出店经营|游商', 'street', [DEP('城管执法')]),
  e('bbq', '城市管理/街面秩序/露天烧烤', '露天烧烤|烧烤+烟|路边+烧烤|烧烤', 'street', [DEP('城管执法')]),
  e('billboard', '城市管理/街面秩序/户外广告', '广告牌|牌匾|户外广告|灯箱', 'street', [DEP('城市管理')], { excludes: '小广告' }),
  // 城市管理 › 园林绿化
  e('tree-trim', '城市管理/园林绿化/树木修剪', '树+修剪|树枝+挡|树+遮挡|枯树|树木+倒伏|修剪树枝|树枝|大树', 'street', [DEP('园林绿化')], { excludes: '虫' }),
  e('green-upkeep', '城市管理/园林绿化/绿地养护', '绿地+养护|草坪|绿化带|绿地+荒|绿地+杂草|杂草', 'street'),
  e('tree-pests', '城市管理/园林绿化/园林病虫害', '虫害|美国白蛾|杨絮|柳絮|树上+虫|树+虫', DEP('园林绿化')),
  // 城市管理 › 物业管理
  e('property-service', '城市管理/物业管理/物业服务', '物业+不作为|物业+不管|物业服务|物业公司|物业+收费|物业费|物业', 'street', [DEP('住房建设')]),
  e('lift-fault', '城市管理/物业管理/电梯故障', '电梯坏|电梯故障|电梯+停运|电梯困人|电梯+困|电梯+坏|电梯', 'street', [DEP('市场监管')], { excludes: '加装' }),
  e('estate-parking', '城市管理/物业管理/小区停车', '小区+停车|小区+车位|地锁|地桩|车位+被占|小区+乱停', 'street'),
  e('estate-environment', '城市管理/物业管理/小区环境', '小区+环境|小区+卫生|楼道+堆物|楼道+杂物|楼道+堆放', 'street'),
  e('building-repair', '城市管理/物业管理/楼体维修', '楼顶漏水|外墙+脱落|屋顶+漏|楼道+破损|单元门|楼顶+漏|外墙皮', 'street', [DEP('住房建设')]),
  // 交通管理 › 道路交通
  e('illegal-parking', '交通管理/道路交通/占道停车', '乱停车|违章停车|违停|占道停车|堵+车库门|停车+堵路|僵尸车|乱停|占道+停车', DEP('公安'), ['street'], {
    excludes: '小区|单车|共享',
  }),
  e('traffic-signal', '交通管理/道路交通/交通信号', '红绿灯|信号灯|交通信号', DEP('公安')),
  e('traffic-jam', '交通管理/道路交通/交通拥堵', '拥堵|堵车|车流+大', DEP('交通')),
  e('road-marking', '交通管理/道路交通/交通标志标线', '标线|交通标志|斑马线|限速牌|指示牌', DEP('交通')),
  // 交通管理 › 公共交通
  e('bus', '交通管理/公共交通/公交服务', '公交车|公交+司机|公交站|公交线路|公交+不停|公交+晚点|公交', ENT('公交')),
  e('metro', '交通管理/公共交通/地铁服务', '地铁', ENT('轨道交通')),
  e('taxi', '交通管理/公共交通/出租车', '出租车|的哥|拒载|绕路', DEP('交通')),
  e('ride-hailing', '交通管理/公共交通/网约车', '网约车|滴滴|顺风车', DEP('交通')),
  // 交通管理 › 非机动车
  e('shared-bikes', '交通管理/非机动车/共享单车', '共享单车|单车+乱停|共享电单车|共享自行车|单车', 'street', [DEP('交通')]),
  e('e-bikes', '交通管理/非机动车/电动自行车', '电动车+充电|飞线充电|电动自行车|电瓶车|电动车', 'street', [DEP('消防')]),
  // 交通管理 › 停车管理
  e('parking-fee', '交通管理/停车管理/停车收费', '停车费|停车收费|停车+乱收费|咪表|停车+收费', DEP('交通'), [], { excludes: '小区' }),
  e('car-park', '交通管理/停车管理/停车场管理', '停车场|立体车库', DEP('交通')),
  // 生态环境 › 噪声污染
  e('household-noise', '生态环境/噪声污染/生活噪声', '楼上+噪音|邻居+噪音|装修+噪音|装修扰民|广场舞|噪音扰民|吵闹|狗叫|装修+吵', 'street', [], { excludes: '施工|工地' }),
  e('commercial-noise', '生态环境/噪声污染/商业噪声', '商户+噪音|酒吧|音响|喇叭+吆喝|酒吧+噪音|空调外机+噪音|KTV|大喇叭|店铺+噪音', DEP('生态环境'), ['street']),
  e('traffic-noise', '生态环境/噪声污染/交通噪声', '鸣笛|车辆+噪音|高架+噪音|炸街|改装车', DEP('公安')),
  // 生态环境 › 大气污染
  e('cooking-fumes', '生态环境/大气污染/餐饮油烟', '油烟|排烟|油烟机', DEP('城管执法'), ['street']),
  e('open-burning', '生态环境/大气污染/露天焚烧', '焚烧|烧垃圾|烧树叶|烧秸秆', 'street', [DEP('城管执法')]),
  e('industrial-emissions', '生态环境/大气污染/工业废气', '废气|烟囱|工厂+排放|刺鼻', DEP('生态环境')),
  e('odours', '生态环境/大气污染/异味扰民', '异味|臭味|恶臭', 'street', [DEP('生态环境')], { excludes: '自来水|燃气|煤气|天然气|河|厕所' }),
  // 生态环境 › 水环境
  e('river-pollution', '生态环境/水环境/河道污染', '河道+污染|河水+发臭|河里+垃圾|排污+河|河水+黑|河水+臭|河道+臭', DEP('水务'), ['street']),
  e('river-management', '生态环境/水环境/河湖管理', '河道+钓鱼|河边+护栏|野泳|河道+清淤|河道', DEP('水务')),
  // 市场管理 › 食品药品
  e('food-safety', '市场管理/食品药品/食品安全', '食品安全|过期食品|变质|吃坏肚子|食物中毒|发霉|三无食品|过期', DEP('市场监管')),
  e('restaurant-hygiene', '市场管理/食品药品/餐饮卫生', '餐馆+卫生|后厨|饭店+脏|饭菜+苍蝇|无健康证|餐厅+卫生', DEP('市场监管')),
  e('drugs', '市场管理/食品药品/药品安全', '药品|药店|假药|保健品', DEP('市场监管')),
  // 市场管理 › 消费维权
  e('product-quality', '市场管理/消费维权/商品质量', '质量问题|质量差|假冒伪劣|买到+假货|假货', DEP('市场监管'), [], { excludes: '房屋|交房' }),
  e('prepaid-card', '市场管理/消费维权/预付卡退费', '预付卡|会员卡+退|充值卡|健身房+跑路|美容+退费|办卡+退|储值卡', DEP('市场监管')),
  e('price', '市场管理/消费维权/价格收费', '乱收费|价格欺诈|明码标价|多收钱|价格+高|宰客', DEP('市场监管'), [], { excludes: '学校|停车|物业|医院|供暖|燃气' }),
  e('online-shopping', '市场管理/消费维权/网购纠纷', '网购|电商|直播带货|网上+买|网店', DEP('市场监管')),
  e('false-ads', '市场管理/消费维权/虚假宣传', '虚假宣传|虚假广告|夸大宣传', DEP('市场监管')),
  // 市场管理 › 市场秩序
  e('unlicensed', '市场管理/市场秩序/无照经营', '无照经营|没有营业执照|黑作坊|无证经营', DEP('市场监管'), ['street']),
  e('scales', '市场管理/市场秩序/计量器具', '缺斤短两|短斤少两|秤+不准|计量', DEP('市场监管')),
  e('special-equipment', '市场管理/市场秩序/特种设备', '特种设备|游乐设施|压力容器|锅炉+安全', DEP('市场监管')),
  // 社会保障 › 劳动关系
  e('wage-arrears', '社会保障/劳动关系/拖欠工资', '拖欠工资|欠薪|不发工资|工资+拖欠|讨薪|克扣工资|工资+没发|拖欠+工资|工资', DEP('人力社保')),
  e('labour-contract', '社会保障/劳动关系/劳动合同', '劳动合同|辞退|解除合同|经济补偿|不签合同|加班费|开除', DEP('人力社保')),
  e('work-injury', '社会保障/劳动关系/工伤认定', '工伤', DEP('人力社保')),
  // 社会保障 › 社会保险
  e('pension', '社会保障/社会保险/养老保险', '养老保险|养老金|退休金|社保+缴费|退休', DEP('人力社保')),
  e('medical-insurance', '社会保障/社会保险/医疗保险报销', '医保|报销', DEP('医疗保障')),
  e('unemployment', '社会保障/社会保险/失业保险', '失业保险|失业金|失业', DEP('人力社保')),
  e('social-security-card', '社会保障/社会保险/社保卡', '社保卡', DEP('人力社保')),
  // 社会保障 › 社会救助
  e('subsistence', '社会保障/社会救助/最低生活保障', '低保', DEP('民政'), ['street']),
  e('hardship-relief', '社会保障/社会救助/困难救助', '临时救助|困难家庭|特困|救助', 'street', [DEP('民政')]),
  e('elderly-care', '社会保障/社会救助/养老服务', '养老院|养老驿站|老人+照料|助餐|独居老人|养老服务', 'street', [DEP('民政')]),
  e('disability', '社会保障/社会救助/残疾人服务', '残疾|残疾证|轮椅', 'street'),
  // 社会保障 › 就业服务
  e('job-training', '社会保障/就业服务/就业培训', '职业培训|技能培训|就业培训', DEP('人力社保')),
  e('job-seeking', '社会保障/就业服务/招聘求职', '招聘|求职|找工作', DEP('人力社保')),
  // 教育 › 学校教育
  e('school-enrolment', '教育/学校教育/入学入园', '入学|入园|学位|择校|划片|小升初|幼升小', DEP('教育')),
  e('school-fees', '教育/学校教育/学校收费', '学校+收费|学费|校服费|补课费|学校+收钱|资料费|班费|学校+乱收费|学校+费用', DEP('教育')),
  e('school-management', '教育/学校教育/学校管理', '体罚|作业+多|放学+早|课后服务|老师+打|教师', DEP('教育')),
  e('campus-safety', '教育/学校教育/校园安全', '校园安全|校门口|学校+周边|霸凌|欺凌', DEP('教育'), [DEP('公安')]),
  // 教育 › 校外培训
  e('training-refund', '教育/校外培训/培训机构退费', '培训机构+退费|培训班+退|培训+跑路|课时费+退|培训机构+退', DEP('教育'), [DEP('市场监管')]),
  e('illegal-training', '教育/校外培训/违规培训', '违规培训|学科类培训|私下补课|偷偷+培训|违规+补课', DEP('教育')),
  // 卫生健康 › 医疗服务
  e('medical-service', '卫生健康/医疗服务/就医服务', '医院+态度|挂号|看病难|医生+态度|医院+排队', DEP('卫生健康')),
  e('medical-dispute', '卫生健康/医疗服务/医患纠纷', '医疗事故|误诊|医患纠纷|手术+失败', DEP('卫生健康')),
  e('medical-fees', '卫生健康/医疗服务/医疗收费', '医院+收费|医药费|检查费|医院+乱收费', DEP('卫生健康')),
  // 卫生健康 › 公共卫生
  e('pests', '卫生健康/公共卫生/病媒生物', '老鼠|蟑螂|蚊子|灭鼠|蚊虫', 'street', [DEP('卫生健康')]),
  e('vaccination', '卫生健康/公共卫生/疫苗接种', '疫苗|接种', DEP('卫生健康')),
  e('infectious', '卫生健康/公共卫生/传染病防控', '传染病|流感|诺如|发热门诊', DEP('卫生健康')),
  // 住房保障
  e('public-rental', '住房保障/保障性住房/公租房', '公租房|廉租房', DEP('住房建设')),
  e('shared-ownership', '住房保障/保障性住房/共有产权房', '共有产权', DEP('住房建设')),
  e('affordable-application', '住房保障/保障性住房/保障房申请', '保障房|轮候|保障性住房', DEP('住房建设')),
  e('house-safety', '住房保障/房屋管理/房屋安全', '房屋+裂缝|危房|墙体+开裂|房屋安全|墙体+裂缝', DEP('住房建设'), ['street']),
  e('old-estate-renovation', '住房保障/房屋管理/老旧小区改造', '老旧小区改造|老旧小区+改造|综合整治', 'street', [DEP('住房建设')]),
  e('lift-retrofit', '住房保障/房屋管理/加装电梯', '加装电梯', 'street', [DEP('住房建设')]),
  e('rental', '住房保障/房屋管理/房屋租赁', '房东|租房|押金+不退|群租|租客', 'street', [DEP('住房建设')]),
  e('new-home-delivery', '住房保障/房地产/商品房交付', '开发商|交房|延期交房|房屋质量|精装修', DEP('住房建设')),
  e('property-registration', '住房保障/房地产/不动产登记', '房产证|不动产登记|不动产权证|过户', DEP('规划自然资源')),
  e('estate-agency', '住房保障/房地产/房产中介', '房产中介|中介费|二手房+中介|中介', DEP('住房建设')),
  e('fund-withdrawal', '住房保障/住房公积金/公积金提取', '公积金+提取|提取公积金|公积金+取', DEP('公积金')),
  e('fund-loan', '住房保障/住房公积金/公积金贷款', '公积金贷款|公积金+贷款', DEP('公积金')),
  // 公共服务
  e('parcels', '公共服务/邮政快递/快递服务', '快递|包裹|邮件|快递员|驿站', ENT('邮政'), [], { excludes: '养老驿站' }),
  e('tourism', '公共服务/文化旅游/旅游投诉', '旅行社|导游|景区+门票|旅游团|强制购物', DEP('文化旅游')),
  e('culture', '公共服务/文化旅游/文化设施', '图书馆|文化馆|博物馆', DEP('文化旅游')),
  e('fitness', '公共服务/体育健身/健身设施', '健身器材|健身设施|体育场', 'street', [DEP('体育')]),
  e('parks', '公共服务/公园景区/公园管理', '公园', DEP('园林绿化')),
  // 公共安全
  e('fire-lane', '公共安全/消防安全/消防通道堵塞', '消防通道|消防车道|安全出口+堵', 'street', [DEP('消防')]),
  e('fire-hazard', '公共安全/消防安全/消防隐患', '消防隐患|灭火器|消火栓|火灾隐患|易燃', DEP('消防'), ['street']),
  e('public-order', '公共安全/治安管理/治安问题', '打架|偷盗|被盗|小偷|诈骗|治安', DEP('公安'), [], { excludes: '井盖' }),
  e('household-registration', '公共安全/治安管理/户籍办理', '户口|户籍|落户|身份证', DEP('公安')),
  e('safety-hazard', '公共安全/安全生产/安全隐患', '安全隐患|危险品|有危险', 'street', [DEP('应急管理')], { excludes: '校门口|学校|校园' }),
  // 政务服务
  e('service-efficiency', '政务服务/政务办事/办事效率', '办事难|政务服务中心|窗口+态度|跑了好几趟|办事+效率', 'district'),
  e('licences', '政务服务/政务办事/证照办理', '营业执照+办理|许可证|证照', DEP('市场监管')),
  e('tax', '政务服务/税务服务/税务咨询', '个税|发票|税务|退税', DEP('税务')),
  e('policy', '政务服务/政策咨询/政策咨询', '政策+咨询|补贴+政策|怎么申请|政策', 'district'),
  // 农业农村
  e('homestead', '农业农村/农村管理/宅基地', '宅基地|翻建', 'street', [DEP('农业农村')]),
  e('village-affairs', '农业农村/农村管理/村务管理', '村委会|村干部|村务公开|村务', 'street'),
  e('dogs', '农业农村/动物管理/犬只管理', '遛狗不拴绳|犬只|养狗|大型犬|狗+咬人|烈性犬', DEP('公安'), ['street']),
  e('stray-animals', '农业农村/动物管理/流浪动物', '流浪猫|流浪狗|流浪动物', 'street'),
];
