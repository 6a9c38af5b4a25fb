// Category trees (一级 › 二级 › 三级): a CSV reader for a city's own taxonomy (level1,level2,level3)
// and a small default tree written for jiesu, used when no taxonomy file is given.

export interface CategoryPath {
  level1: string;
  level2: string;
  level3: string;
}

/** Parses `level1,level2,level3` rows (header required; quoted fields allowed). */
export function parseCategoryCsv(text: string): CategoryPath[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim().length > 0);
  const header = splitCsvLine(lines.shift() ?? '').map((h) => h.trim().toLowerCase());
  const idx = ['level1', 'level2', 'level3'].map((h) => header.indexOf(h));
  if (idx.some((i) => i < 0)) throw new Error('category CSV needs a header with level1,level2,level3');
  return lines.map((line, n) => {
    const cells = splitCsvLine(line).map((c) => c.trim());
    const [a, b, c] = idx.map((i) => cells[i] ?? '');
    if (!a || !b || !c) throw new Error(`category CSV line ${n + 2}: all three levels are required`);
    return { level1: a, level2: b, level3: c };
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

const DEFAULT_TREE: Record<string, Record<string, string[]>> = {
  城乡建设: {
    市政设施: ['道路破损', '井盖缺失', '路灯不亮', '排水不畅'],
    物业管理: ['物业服务', '电梯故障', '小区环境', '停车管理'],
    违法建设: ['违建房屋', '私搭乱建', '占用绿地'],
    供暖: ['暖气不热', '供暖收费', '管道漏水'],
  },
  公用事业: {
    供水: ['停水', '水压低', '水质问题'],
    供电: ['停电', '电压不稳', '线路隐患'],
    燃气: ['燃气泄漏', '燃气停供', '燃气收费'],
    通信: ['网络故障', '通信收费'],
  },
  环境保护: {
    噪声污染: ['施工噪声', '生活噪声', '商业噪声'],
    大气污染: ['扬尘', '油烟', '露天焚烧'],
    市容环卫: ['垃圾清运', '垃圾分类', '公厕管理'],
  },
  交通运输: {
    公共交通: ['公交线路', '地铁服务', '出租车'],
    道路交通: ['交通信号', '违章停车', '交通拥堵'],
  },
  劳动和社会保障: {
    劳动关系: ['拖欠工资', '劳动合同', '工伤'],
    社会保险: ['养老保险', '医疗保险', '失业保险'],
  },
  教育文体: {
    教育: ['入学', '校外培训', '学校管理'],
    文化体育: ['文化设施', '健身设施'],
  },
  卫生健康: {
    医疗服务: ['就医', '医患纠纷', '药品'],
    公共卫生: ['疫苗接种', '病媒生物'],
  },
  市场监管: {
    消费维权: ['商品质量', '预付卡', '价格'],
    食品安全: ['餐饮卫生', '食品质量'],
  },
};

export function defaultCategoryPaths(): CategoryPath[] {
  const out: CategoryPath[] = [];
  for (const [level1, l2] of Object.entries(DEFAULT_TREE)) {
    for (const [level2, l3] of Object.entries(l2)) for (const level3 of l3) out.push({ level1, level2, level3 });
  }
  return out;
}
