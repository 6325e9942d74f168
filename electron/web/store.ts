// Which IssueStore web mode uses, and the bundled sample issue.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserFacingError } from '../../shared/errors';
import { DB_FILE_NAME } from '../engine/archive/paths';
import { defaultDbPath, openArchive } from '../engine/archive/index';
import { archiveStore } from '../engine/service/archiveStore';
import { createMemoryStore } from '../engine/service/memoryStore';
import type { IssueStore } from '../engine/service/store';
import { REPO_ROOT } from './rendererBuild';

export const SAMPLE_MANIFEST = join(REPO_ROOT, 'resources', 'sample', 'manifest.json');

/** The archive in `dataDir` (default: the archive's own default place), or memory for `null`. */
export async function openStore(dataDir: string | null | undefined): Promise<IssueStore> {
  if (dataDir === null) return createMemoryStore();
  const archive = openArchive(dataDir === undefined ? defaultDbPath() : join(dataDir, DB_FILE_NAME));
  return archiveStore(archive);
}

/** Load the sample issue into the store (once) and return its id. */
export async function loadSampleIssue(store: IssueStore, manifest = SAMPLE_MANIFEST): Promise<string> {
  if (!existsSync(manifest)) {
    throw new UserFacingError('sample-missing', `找不到示例期刊：${manifest}`, `Sample issue not found at ${manifest}`);
  }
  const { loadIssueFromManifest } = await import('../engine/build/manifest');
  const issue = await loadIssueFromManifest(manifest);
  const id = `sample-${issue.id}`;
  if (!(await store.getIssue(id))) await store.saveIssue({ ...issue, id });
  return id;
}
