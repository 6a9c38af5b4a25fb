// Reference data most screens need: the category tree (names by code) and unit names by code,
// fetched once and cached for the session.
import type { CATEGORY_ENDPOINTS, ResponseOf } from '@jiesu/contracts';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { api } from './api/client';
import type { CategoryNode, UnitDetail } from './api/types';
import { useAuth } from './auth';

interface Reference {
  categories: CategoryNode[];
  categoryName(code: string, full?: boolean): string;
  unitName(code: string | null | undefined): string;
  /** Ask for names of units not yet known; re-renders when they arrive. */
  loadUnits(codes: readonly (string | null | undefined)[]): void;
  reloadCategories(): void;
}

const Ctx = createContext<Reference | null>(null);

export function flattenCategories(tree: CategoryNode[], out = new Map<string, CategoryNode>()): Map<string, CategoryNode> {
  for (const n of tree) {
    out.set(n.code, n);
    if (n.children) flattenCategories(n.children, out);
  }
  return out;
}

const pendingUnits = new Set<string>();

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const [categories, setCategories] = useState<CategoryNode[]>([]);
  const [units, setUnits] = useState<ReadonlyMap<string, string>>(new Map());
  const [catVersion, setCatVersion] = useState(0);

  useEffect(() => {
    if (!me) return;
    api
      // Typed by the contract but called by path: importing the endpoint's schemas here would put
      // TypeBox into the login page's bundle (its 300 KB budget, console-phone.browser.test.ts).
      .get<ResponseOf<typeof CATEGORY_ENDPOINTS.tree>>('/api/categories')
      .then((r) => setCategories(r.tree))
      .catch(() => setCategories([]));
  }, [me, catVersion]);

  const value = useMemo<Reference>(() => {
    const byCode = flattenCategories(categories);
    return {
      categories,
      categoryName(code, full = false) {
        const n = byCode.get(code);
        if (!n) return code;
        if (!full) return n.name;
        const parts: string[] = [];
        let cur: CategoryNode | undefined = n;
        while (cur) {
          parts.unshift(cur.name);
          cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
        }
        return parts.join(' › ');
      },
      unitName: (code) => (code ? (units.get(code) ?? code) : '—'),
      loadUnits(codes) {
        const missing = [...new Set(codes.filter((c): c is string => !!c && !units.has(c) && !pendingUnits.has(c)))];
        for (const code of missing) {
          pendingUnits.add(code);
          api
            .get<UnitDetail>(`/api/units/${encodeURIComponent(code)}`)
            .then((u) => setUnits((m) => new Map(m).set(code, u.name)))
            .catch(() => setUnits((m) => new Map(m).set(code, code)))
            .finally(() => pendingUnits.delete(code));
        }
      },
      reloadCategories: () => setCatVersion((v) => v + 1),
    };
  }, [categories, units]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useReference(): Reference {
  const v = useContext(Ctx);
  if (!v) throw new Error('useReference outside ReferenceProvider');
  return v;
}
