// Which console screens a user may open: one rule per screen, asked by the console's menu and
// router (never re-stated there) and by the server where a screen has its own endpoint (the
// dashboard). A screen shown here is one whose API answers the user, not a 403.
import { type Actor, hasRole, isCentreActor, type Role } from './roles';

/** Who reads three-rate rankings (考核排名); others see their own unit's score only. */
export const RANKING_READER_ROLES: readonly Role[] = ['evaluator', 'analyst', 'administrator', 'supervisor', 'unit_leader'];
/** Who reads the dashboard's aggregates. */
export const DASHBOARD_READER_ROLES: readonly Role[] = ['supervisor', 'analyst', 'evaluator', 'administrator', 'unit_leader', 'dispatcher'];

interface ScreenRule {
  roles: readonly Role[];
  /** Only for the centre and district sub-centres (the places that take calls and dispatch). */
  isDispatchUnitOnly?: boolean;
  /** Only for users of the city centre. */
  isCentreOnly?: boolean;
}

export const CONSOLE_SCREEN_RULES = {
  '/intake': { roles: ['operator', 'dispatcher'], isDispatchUnitOnly: true },
  '/dispatch': { roles: ['dispatcher', 'operator', 'supervisor'], isDispatchUnitOnly: true },
  '/inbox': { roles: ['handler', 'unit_leader'] },
  '/work-items': { roles: ['handler', 'unit_leader', 'supervisor', 'dispatcher', 'administrator', 'operator', 'analyst'] },
  '/proactive': { roles: ['unit_leader', 'supervisor', 'handler', 'analyst', 'administrator'] },
  '/patrol': { roles: ['handler', 'unit_leader', 'supervisor'] },
  '/supervision': { roles: ['supervisor', 'unit_leader', 'dispatcher'] },
  '/visits': { roles: ['visitor'] },
  '/dashboard': { roles: DASHBOARD_READER_ROLES },
  '/rankings': { roles: RANKING_READER_ROLES },
  '/hotspots': { roles: ['analyst', 'supervisor', 'unit_leader', 'administrator', 'evaluator'] },
  '/topics': { roles: ['supervisor', 'unit_leader', 'administrator', 'analyst', 'handler'] },
  '/cases': { roles: ['operator', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'visitor', 'evaluator', 'administrator', 'analyst'] },
  '/deliberation/meetings': { roles: ['handler', 'unit_leader'] },
  '/deliberation/proposals': { roles: ['handler', 'unit_leader'] },
  '/deliberation/leads': { roles: ['handler', 'unit_leader'] },
  '/deliberation/measures': { roles: ['handler', 'unit_leader', 'evaluator', 'analyst'] },
  '/admin/org': { roles: ['administrator', 'unit_leader'] },
  '/admin/users': { roles: ['administrator', 'unit_leader'] },
  '/admin/categories': { roles: ['administrator'] },
  '/admin/duty-lists': { roles: ['administrator', 'unit_leader'] },
  '/admin/calendar': { roles: ['administrator'] },
  '/admin/case-policy': { roles: ['administrator'] },
  '/admin/intake-rules': { roles: ['administrator'] },
  '/admin/audit': { roles: ['administrator', 'supervisor'] },
  '/admin/knowledge': { roles: ['administrator', 'operator', 'dispatcher'] },
  '/evaluation/weights': { roles: ['administrator', 'evaluator'] },
  '/evaluation/publications': { roles: ['evaluator'], isCentreOnly: true },
  '/evaluation/appeals': { roles: ['evaluator', 'analyst', 'administrator', 'handler', 'unit_leader'] },
} as const satisfies Record<string, ScreenRule>;

export type ConsoleScreen = keyof typeof CONSOLE_SCREEN_RULES;

export function mayOpenScreen(actor: Actor, screen: ConsoleScreen): boolean {
  const rule: ScreenRule = CONSOLE_SCREEN_RULES[screen];
  if (!hasRole(actor, ...rule.roles)) return false;
  if (rule.isDispatchUnitOnly && !(isCentreActor(actor) || actor.unitClass === 'district')) return false;
  if (rule.isCentreOnly && !isCentreActor(actor)) return false;
  return true;
}
