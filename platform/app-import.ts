// Bringing entries in from another mood app, the browser's side: the file's text, the places the
// person gave their mood names last time (platform/import-moods.ts), and the check-ins stored all or nothing.
// The reading and checking is core/data/imports/ (pure); the steps are components/history/AppImport.tsx.
import type { BulkOptions } from '../core/data/transfer';
import type { CheckIn } from '../core/schema';
import { type DataAccess, storeAccess } from './data-transfer';

export { loadPlacements, REMEMBERED_MOODS_MAX, rememberPlacements } from './import-moods';

export interface StoredImport {
  added: number;
  /** Already here exactly as made now (an earlier import of the same entries). */
  same: number;
  /** Already here with other content (placed on another feeling since): kept as here. */
  differing: number;
}

/**
 * Stores the check-ins in one write: all of them or, if it fails, none (the caller says so, and
 * trying again adds nothing twice: each entry's id is made from what it is).
 */
export async function storeImported(
  checkIns: readonly CheckIn[],
  { access = storeAccess, signal }: { access?: DataAccess } & Pick<BulkOptions, 'signal'> = {},
): Promise<StoredImport> {
  const result = await access.mergeCheckIns(checkIns, { chunkSize: Math.max(1, checkIns.length), signal });
  return { added: result.added, same: result.same, differing: result.differing.length };
}

/** A chosen file's text; rejects when it can't be read (moved, or no longer allowed). */
export function fileText(file: Blob): Promise<string> {
  return file.text();
}
