// Populations behind 千人诉求量: administrators download a template (every street and district
// with its code, name and current figure), fill in 常住人口 and load it back; the table lives in
// the settings store (validated by the core, audited on every change).
import { type Actor, DomainError, parsePopulationCsv, POPULATION_CSV_HEADER, POPULATIONS_SETTING } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';
import { loadPopulations, requireRankingReader } from './scoring-config';

const POPULATED_CLASSES = ['district', 'street'] as const;

export interface PopulationsView {
  asOf: string;
  source: string;
  units: Array<{ unitCode: string; unitName: string; unitClass: string; population: number }>;
}

export async function getPopulations(ctx: AppContext, opts: { actor: Actor }): Promise<PopulationsView> {
  requireRankingReader(opts.actor);
  const table = await loadPopulations(ctx);
  const units = await ctx.repos.scoreFacts.unitsOfClasses(POPULATED_CLASSES);
  return {
    asOf: table.asOf,
    source: table.source,
    units: units.flatMap((u) => {
      const n = table.values[u.code];
      return n === undefined ? [] : [{ unitCode: u.code, unitName: u.name, unitClass: u.class, population: n }];
    }),
  };
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function populationTemplate(ctx: AppContext, opts: { actor: Actor }): Promise<{ fileName: string; csv: string }> {
  requireRole(opts.actor, 'administrator');
  const table = await loadPopulations(ctx);
  const units = await ctx.repos.scoreFacts.unitsOfClasses(POPULATED_CLASSES);
  const lines = [POPULATION_CSV_HEADER.join(',')];
  for (const u of units.filter((x) => x.isActive)) lines.push([u.code, csvCell(u.name), String(table.values[u.code] ?? '')].join(','));
  return { fileName: 'population-template.csv', csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}

export async function loadPopulationTable(
  ctx: AppContext,
  opts: { actor: Actor; asOf: string; source: string; csv?: string; rows?: Array<{ unitCode: string; population: number }> },
): Promise<PopulationsView> {
  requireRole(opts.actor, 'administrator');
  if ((opts.csv === undefined) === (opts.rows === undefined))
    throw new DomainError('VALIDATION_FAILED', 'Give either csv (the filled-in template) or rows.', { field: 'body.csv' });
  const rows = opts.csv !== undefined ? parsePopulationCsv(opts.csv) : (opts.rows ?? []);
  if (rows.length === 0) throw new DomainError('VALIDATION_FAILED', 'No population was filled in.', { field: opts.csv !== undefined ? 'body.csv' : 'body.rows' });
  const known = new Map((await ctx.repos.scoreFacts.unitsOfClasses(POPULATED_CLASSES)).map((u) => [u.code, u]));
  const unknown = rows.filter((r) => !known.has(r.unitCode)).map((r) => r.unitCode);
  if (unknown.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `Not a street or district: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}.`, {
      field: opts.csv !== undefined ? 'body.csv' : 'body.rows',
      unknownCodes: unknown,
    });
  }
  const values = Object.fromEntries(rows.map((r) => [r.unitCode, r.population]));
  await ctx.settings.set(POPULATIONS_SETTING, { asOf: opts.asOf.trim(), source: opts.source.trim(), values }, opts.actor);
  return getPopulations(ctx, { actor: opts.actor });
}
