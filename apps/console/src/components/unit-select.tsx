// Pick units by name: searches /api/units in the user's scope as they type; optionally only the
// children of one unit (district → streets → communities) or one class.
import { UNIT_ENDPOINTS } from '@jiesu/contracts';
import type { UnitClass } from '@jiesu/core';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Unit } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { UNIT_CLASS_LABELS } from '../i18n/labels';

interface Props {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  parent?: string | null;
  unitClass?: UnitClass | readonly UnitClass[];
  multiple?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** Units to offer before any search (e.g. suggestions). */
  seed?: Unit[];
  id?: string;
}

export function UnitSelect({ value, onChange, parent, unitClass, multiple, placeholder, disabled, seed, id }: Props) {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Unit[]>(seed ?? []);
  const [loading, setLoading] = useState(false);
  const classes = unitClass === undefined ? [] : Array.isArray(unitClass) ? (unitClass as readonly UnitClass[]) : [unitClass as UnitClass];
  const classKey = classes.join(',');

  useEffect(() => {
    if (parent === null) {
      setOptions(seed ?? []);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      const query = { ...(q ? { q } : {}), ...(parent ? { parent } : {}), limit: 50 };
      const fetches = classes.length > 0 ? classes.map((c) => api.call(UNIT_ENDPOINTS.list, { query: { ...query, class: c } })) : [api.call(UNIT_ENDPOINTS.list, { query })];
      Promise.all(fetches)
        .then((pages) => {
          if (!live) return;
          const seen = new Map<string, Unit>();
          for (const u of [...(seed ?? []), ...pages.flatMap((p) => p.items)]) seen.set(u.code, u);
          setOptions([...seen.values()]);
        })
        .catch(() => live && setOptions(seed ?? []))
        .finally(() => live && setLoading(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `classes` is rebuilt every render from `classKey`, which is listed
  }, [q, parent, classKey, seed]);

  // A value set from outside (a suggestion, a pre-filled lead) shows its name, not its code.
  const valueKey = Array.isArray(value) ? value.join(',') : (value ?? '');
  useEffect(() => {
    const codes = valueKey ? valueKey.split(',') : [];
    const missing = codes.filter((c) => !options.some((o) => o.code === c));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map((c) => api.call(UNIT_ENDPOINTS.get, { params: { code: c } }).catch(() => null))).then((found) => {
      if (!live) return;
      const add = found.filter((u) => u !== null);
      if (add.length) setOptions((prev) => [...prev.filter((p) => !add.some((a) => a.code === p.code)), ...add]);
    });
    return () => {
      live = false;
    };
  }, [valueKey, options]);

  return (
    <Select
      {...(id ? { id } : {})}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      loading={loading}
      disabled={disabled ?? false}
      placeholder={placeholder}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(v: string | string[] | undefined) => onChange?.(v ?? null)}
      options={options.map((u) => ({ value: u.code, label: u.name, title: `${u.name} · ${pick(UNIT_CLASS_LABELS[u.class])}` }))}
      optionRender={(o) => (
        <span>
          {o.label} <span style={{ color: '#999', fontSize: 12 }}>{(o.data.title as string).split(' · ')[1]}</span>
        </span>
      )}
      style={{ width: '100%' }}
    />
  );
}
