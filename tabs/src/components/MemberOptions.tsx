import type { MemberItem } from '../../../src/contract';
import { useDirectory } from '../hooks/useDirectory';

/** A pick list's options for people, each with their agency: two people can share a name across agencies. */
export function MemberOptions({ members }: { members: readonly MemberItem[] }) {
  const directory = useDirectory();
  return (
    <>
      {members.map((m) => {
        const agency = directory.agency(m.agencyId);
        return (
          <option key={m.id} value={m.id}>
            {agency ? `${m.name} (${agency.shortName})` : m.name}
          </option>
        );
      })}
    </>
  );
}
