import type { ReactNode } from 'react';

/**
 * Text someone typed (a name, initials, a note), shown isolated from what surrounds it. The server strips Unicode's
 * direction controls on the way in, but records edited by hand in SharePoint, or stored before that, may still hold
 * them; inside <bdi> such text cannot reorder the label or the values beside it ("evil" shown as "live", initials
 * swapped), and its own direction is taken from its first strong letter (dir="auto"), so Arabic or Hebrew still reads
 * correctly.
 */
export function UserText({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi dir="auto" className={className}>
      {children}
    </bdi>
  );
}
