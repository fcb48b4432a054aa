import { createHash } from 'node:crypto';
import { recordAudit } from './audit';
import type { Context } from './context';

/** How many sessions one instance remembers; past it the oldest are forgotten (and would be audited again: harmless). */
const REMEMBERED = 10_000;

/**
 * Writes one `sign_in` audit event per session, not per request: the kernel's rule (and its one audit writer), which
 * the HTTP host calls when the tab asks who it is; the host decides nothing about what is audited. A session is one credential: a Teams SSO token
 * (Entra issues them for about an hour, so a day's work is a few sign-ins), or a demo persona's header for one UK day.
 * Only a digest of the credential is kept, in memory; another instance audits its own first sight of the session.
 */
export class SignInAudit {
  private readonly seen = new Set<string>();

  async record(ctx: Context, authorization: string): Promise<void> {
    const day = ctx.now().toISOString().slice(0, 10);
    const scheme = authorization.trim().split(/\s+/, 1)[0]!.toLowerCase();
    const session = createHash('sha256').update(scheme === 'dev' ? `${authorization}\n${day}` : authorization).digest('base64url');
    if (this.seen.has(session)) return;
    await ctx.store.transaction((tx) =>
      recordAudit(ctx, tx, { action: 'sign_in', recordType: 'member', recordId: ctx.actor.member.id, change: { scheme, session: session.slice(0, 12) } }),
    );
    this.seen.add(session);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
  }
}
