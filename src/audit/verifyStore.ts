import type { Store } from '../store/port';
import { readChainHead } from './chain';
import type { CheckpointKey } from './checkpointKey';
import { type ChainReport, type KeptCheckpoint, verifyChain } from './verify';

/** Reads the whole audit trail and its head in one unit of work and walks the chain. */
export async function verifyStoredChain(store: Store, key?: CheckpointKey, kept: readonly KeptCheckpoint[] = []): Promise<ChainReport> {
  const { events, head } = await store.transaction(async (tx) => ({ events: await tx.find('audit'), head: await readChainHead(tx) }));
  return verifyChain(events, head, key, kept);
}
