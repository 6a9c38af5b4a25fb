// The street a proactive screen works on: the user's own (a street, or the street above their
// community or section), or one chosen by a district or centre user.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export function useMyStreet(): { streetCode: string | null; setStreetCode(code: string | null): void; isLoading: boolean } {
  const [streetCode, setStreetCode] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(true);
  useEffect(() => {
    let alive = true;
    api
      .get<{ streetCode: string | null }>('/api/proactive/my-street')
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

export interface ZonesView {
  streetCode: string;
  streetName: string;
  zones: Array<{
    id: string;
    name: string;
    communityCodes: string[];
    leaderUserId: string;
    leaderName: string | null;
    team: Array<{ name: string }>;
    termStart: string;
    termEnd: string | null;
    isActive: boolean;
    isInForce: boolean;
    version: number;
  }>;
  communities: Array<{ code: string; name: string }>;
  coverage: { onDate: string; gaps: string[]; byCommunity: Array<{ communityCode: string; zoneIds: string[] }> };
}

export interface PatrolView {
  id: string;
  kind: 'patrol' | 'home_visit';
  communityCode: string;
  patrollerName: string;
  patrolledAt: string;
  point: { lng: number; lat: number } | null;
  observations: string;
  attachmentIds: string[];
  caseIds: string[];
}
