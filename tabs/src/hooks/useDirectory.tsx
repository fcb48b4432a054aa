import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { AgencyItem, MemberItem } from '../../../src/contract';
import { loadDirectoryLists, takePrefetchedDirectory } from './directoryPrefetch';
import { useApi } from './useApi';

export interface Directory {
  agencies: AgencyItem[];
  /** Everyone, by name (inactive members included: old records name them). */
  members: MemberItem[];
  agency(id: string | null | undefined): AgencyItem | undefined;
  member(id: string | null | undefined): MemberItem | undefined;
  /** False until both lists have loaded; pages show ids' names as they arrive. */
  ready: boolean;
}

const empty: Directory = { agencies: [], members: [], agency: () => undefined, member: () => undefined, ready: false };
const DirectoryContext = createContext<Directory>(empty);
export const useDirectory = (): Directory => useContext(DirectoryContext);

/** Agencies and members, loaded once per session, to turn the ids in cases and actions into names. */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  // The first script usually asked already (directoryPrefetch.ts); a reload or a later session asks afresh.
  const lists = useApi('directory', (client, signal) => takePrefetchedDirectory(client) ?? loadDirectoryLists(client, signal));
  const data = lists.data;
  const directory = useMemo<Directory>(() => {
    if (!data) return empty;
    const agencies = new Map(data.agencies.map((a) => [a.id, a]));
    const members = new Map(data.members.map((m) => [m.id, m]));
    return {
      agencies: [...data.agencies].sort((a, b) => a.name.localeCompare(b.name)),
      members: [...data.members].sort((a, b) => a.name.localeCompare(b.name)),
      agency: (id) => (id ? agencies.get(id) : undefined),
      member: (id) => (id ? members.get(id) : undefined),
      ready: true,
    };
  }, [data]);
  return <DirectoryContext.Provider value={directory}>{children}</DirectoryContext.Provider>;
}
