import type { ImportResult, ImportRow } from '../../../../src/contract';

/**
 * A file is imported in parts so the page can show how far it has got. Each part is judged by the server against the
 * whole file, and importing a row twice creates nothing, so a part that fails can simply be sent again. Rows holding
 * cases go first: an action row then always finds its case already imported.
 */
export const MAX_PARTS = 10;
export const MIN_PART_ROWS = 5;

export function partsOf(rows: readonly Pick<ImportRow, 'row' | 'kind'>[]): number[][] {
  const ordered = [...rows.filter((r) => r.kind !== 'action'), ...rows.filter((r) => r.kind === 'action')].map((r) => r.row);
  const size = Math.max(MIN_PART_ROWS, Math.ceil(ordered.length / MAX_PARTS));
  const parts: number[][] = [];
  for (let i = 0; i < ordered.length; i += size) parts.push(ordered.slice(i, i + size));
  return parts;
}

/** The parts' answers as one: rows in the file's order, counts and records added up. */
export function mergeResults(fileName: string, results: readonly ImportResult[]): ImportResult {
  const rows = results.flatMap((r) => r.rows).sort((a, b) => a.row - b.row);
  const count = (o: ImportRow['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    fileName, rows,
    counts: { created: count('create'), exists: count('exists'), refused: count('refused') },
    records: { cases: results.reduce((n, r) => n + r.records.cases, 0), actions: results.reduce((n, r) => n + r.records.actions, 0) },
  };
}

/** The chosen file's bytes as base64, as the API takes them. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
