// The time left to a deadline (or past it) as a person reads it: "2天3小时" / "2 d 3 h". Display
// only: whether a case or an item is overdue is the server's word (isPastDue, isOverdue, overdue marks).
import type { Bilingual } from '../i18n/lang';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface CountdownText {
  /** At or past the deadline (deadlines are exclusive, as on the server). */
  isLate: boolean;
  /** Less than a day left. */
  isNear: boolean;
  /** Milliseconds left (negative past the deadline). */
  msLeft: number;
  text: Bilingual;
}

export function countdown(dueAt: string | Date, now: number): CountdownText {
  const due = (typeof dueAt === 'string' ? new Date(dueAt) : dueAt).getTime();
  const diff = due - now;
  const isLate = diff <= 0;
  const left = Math.abs(diff);
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  let text: Bilingual;
  if (days > 0) text = { zh: `${days}天${hours > 0 ? `${hours}小时` : ''}`, en: `${days} d${hours > 0 ? ` ${hours} h` : ''}` };
  else if (hours > 0) text = { zh: `${hours}小时${minutes > 0 ? `${minutes}分` : ''}`, en: `${hours} h${minutes > 0 ? ` ${minutes} min` : ''}` };
  else text = { zh: `${Math.max(minutes, 1)}分钟`, en: `${Math.max(minutes, 1)} min` };
  return { isLate, isNear: !isLate && diff < DAY, msLeft: diff, text };
}

/** A case clock's colour by urgency: red past due, orange within 4 hours, gold within a day, green otherwise. */
export function urgencyColour(msLeft: number): 'red' | 'orange' | 'gold' | 'green' {
  if (msLeft <= 0) return 'red';
  if (msLeft <= 4 * HOUR) return 'orange';
  if (msLeft <= DAY) return 'gold';
  return 'green';
}
