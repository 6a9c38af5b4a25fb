// A resident's phone, as proof of one person, is kept for de-duplication (one support per phone
// per proposal) as a hash only. Known limit: an 11-digit number space can be enumerated, so the
// hash hides numbers from casual reading, not from someone holding the table (docs/governance-deliberation.md).
import { createHash } from 'node:crypto';

export function phoneHash(phone: string): string {
  return createHash('sha256').update(`jiesu-resident-phone:${phone}`, 'utf8').digest('hex');
}
