import type { ConversationRef, OutboxMessage } from '../../../src/domain/records';
import type { Render } from '../../../src/notify/render';
import type { Store } from '../../../src/store/port';

/** An invented conversation reference (a Teams channel unless told otherwise). */
export function conversation(id: string, serviceUrl: string, overrides: Partial<ConversationRef> = {}): ConversationRef {
  return {
    id,
    version: 1,
    conversationId: `19:${id}@thread.tacv2`,
    conversationType: 'channel',
    serviceUrl,
    tenantId: '00000000-0000-4000-8000-00000000aaaa',
    channelId: `19:${id}@thread.tacv2`,
    teamId: `19:team-${id}@thread.tacv2`,
    isPartnershipChannel: true,
    active: true,
    capturedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

export async function addConversations(store: Store, ...refs: ConversationRef[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const { version: _v, ...r } of refs) await tx.insert('conversations', r);
  });
}

/** Queues a 'note' card (the test renderer's kind) for the given conversation refs. */
export async function queue(
  store: Store,
  id: string,
  createdAt: string,
  payload: { text: string; to: string[]; newThread?: boolean; replaces?: { activityId: string; conversationId?: string } } | Record<string, unknown>,
  kind = 'note',
  idempotencyKey = `${kind}:${id}`,
): Promise<{ record: OutboxMessage; created: boolean }> {
  return store.transaction((tx) =>
    tx.append('outbox', { id, idempotencyKey, kind, createdAt, payload, status: 'pending', attempts: 0 }),
  );
}

export const outboxRow = (store: Store, id: string) => store.transaction((tx) => tx.get('outbox', id)).then((r) => r!);
export const conversationRow = (store: Store, id: string) => store.transaction((tx) => tx.get('conversations', id)).then((r) => r!);
export const outboxOfKind = (store: Store, kind: string) =>
  store.transaction((tx) => tx.find('outbox')).then((rows) => rows.filter((r) => r.kind === kind));

/**
 * The simple renderer the sender is tested with: a 'note' is a text message to each stored conversation named in
 * payload.to (inactive ones too, so the sender's own guard is tested); 'broken' throws; any other kind is unknown (null).
 */
export const renderNote: Render = async (message, tx) => {
  if (message.kind === 'broken') throw new Error('template missing');
  if (message.kind !== 'note') return null;
  const p = message.payload as { text: string; to: string[]; newThread?: boolean; replaces?: { activityId: string; conversationId?: string } };
  const targets = [];
  for (const refId of p.to) {
    const ref = await tx.get('conversations', refId);
    if (!ref) continue;
    targets.push({
      ref,
      activity: { type: 'message' as const, text: p.text },
      ...(p.newThread ? { newThread: true } : {}),
      ...(p.replaces ? { replaces: p.replaces } : {}),
    });
  }
  return targets;
};
