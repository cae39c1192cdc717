// Which organisation the screens show. A commune user always sees their own
// commune; provincial users pick one (remembered on this computer).
import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { storage } from '../../lib/storage';
import type { Me, Org } from '../../lib/types';
import { orgsQueryOptions } from './orgQueries';

const STORAGE_KEY = 'cchc.orgId';

interface CurrentOrgValue {
  orgId: string;
  org: Org;
  /** Organisations the user may read (only their own for commune users). */
  orgs: Org[];
  setOrgId: (orgId: string) => void;
}

const CurrentOrgContext = createContext<CurrentOrgValue | null>(null);

function pickDefault(me: Me, orgs: Org[], stored: string | null): Org {
  const storedOrg = stored ? orgs.find((org) => org.id === stored) : undefined;
  if (storedOrg) return storedOrg;
  if (me.org.kind === 'commune') return me.org;
  return orgs.find((org) => org.kind === 'commune') ?? me.org;
}

export function CurrentOrgProvider({ me, children }: { me: Me; children: ReactNode }) {
  const provincial = me.permissions.provincial;
  const orgsQuery = useQuery({ ...orgsQueryOptions, enabled: provincial });
  const orgs = useMemo(() => (provincial ? (orgsQuery.data ?? [me.org]) : [me.org]), [provincial, orgsQuery.data, me.org]);
  const [chosen, setChosen] = useState<string | null>(() => storage.get<string>(STORAGE_KEY));

  const org = pickDefault(me, orgs, provincial ? chosen : null);

  const setOrgId = useCallback((orgId: string) => {
    storage.set(STORAGE_KEY, orgId);
    setChosen(orgId);
  }, []);

  const value = useMemo(() => ({ orgId: org.id, org, orgs, setOrgId }), [org, orgs, setOrgId]);
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrgValue {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg outside CurrentOrgProvider');
  return value;
}
