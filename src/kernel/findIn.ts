import type { Kind, ReadTx, RecordMap, Scalar } from '../store/port';

/** SharePoint sends an `in` as equalities ORed in the URL: a long list is split so each URL stays short. */
export const IN_CHUNK = 50;

/**
 * The records whose (indexed) field is one of the values: a few `in` reads issued together (on SharePoint one
 * $batch), instead of one read per value. Each chunk comes back in id order, the chunks in the values' order.
 */
export async function findIn<K extends Kind>(tx: ReadTx, kind: K, field: string, values: readonly Scalar[]): Promise<RecordMap[K][]> {
  const unique = [...new Set(values)];
  const chunks: Scalar[][] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) chunks.push(unique.slice(i, i + IN_CHUNK));
  return (await Promise.all(chunks.map((value) => tx.find(kind, { where: [{ field, op: 'in', value }] })))).flat();
}
