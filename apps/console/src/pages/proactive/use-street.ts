// The street a proactive screen works on: the user's own (a street, or the street above their
// community or section), or one chosen by a district or centre user.
import { PROACTIVE_ENDPOINTS, type ResponseOf } from '@jiesu/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export function useMyStreet(): { streetCode: string | null; setStreetCode(code: string | null): void; isLoading: boolean } {
  const [streetCode, setStreetCode] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(true);
  useEffect(() => {
    let alive = true;
    api
      .call(PROACTIVE_ENDPOINTS.myStreet, {})
      .then((r) => {
        if (alive) setStreetCode(r.streetCode);
      })
      .catch(() => undefined)
      .finally(() => {
        if (alive) setLoading(false);
      });
    return () => {
      alive = false;
    };
  }, []);
  return { streetCode, setStreetCode, isLoading };
}

export type ZonesView = ResponseOf<typeof PROACTIVE_ENDPOINTS.zones>;
export type PatrolView = ResponseOf<typeof PROACTIVE_ENDPOINTS.patrols>[number];
