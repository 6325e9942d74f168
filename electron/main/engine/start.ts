// Start the engine inside its process: open the archive in the app's data folder, load the
// sample issue if asked, and return the same dispatch the web server uses (it validates every
// call with the contract). Imports only engine modules, so the bundle carries no build tools.
import { join } from 'node:path';
import type { Dispatch } from '../../engine/service/dispatch';
import type { IssueStore } from '../../engine/service/store';
import type { EngineInit } from './protocol';

/** Daily rolling backup and index upkeep, once the app has settled after start. */
const MAINTENANCE_DELAY_MS = 30_000;

async function openStore(dataDir: string | null, log: (message: string) => void): Promise<IssueStore> {
  if (dataDir === null) return (await import('../../engine/service/memoryStore')).createMemoryStore();
  const [{ openArchive }, { DB_FILE_NAME }, { archiveStore }] = await Promise.all([
    import('../../engine/archive/index'),
    import('../../engine/archive/paths'),
    import('../../engine/service/archiveStore'),
  ]);
  const archive = openArchive(join(dataDir, DB_FILE_NAME));
  setTimeout(() => {
    archive
      .backupDaily()
      .then(({ file, created }) => {
        if (created) log(`daily backup written: ${file}`);
        archive.optimize();
      })
      .catch((e: unknown) => log(`daily backup failed: ${e instanceof Error ? e.message : String(e)}`));
  }, MAINTENANCE_DELAY_MS).unref();
  return archiveStore(archive);
}

/** Put the bundled sample issue in the archive (once) and return its id. */
async function loadSample(store: IssueStore, manifest: string): Promise<string> {
  const { loadIssueFromManifest } = await import('../../engine/build/manifest');
  const issue = await loadIssueFromManifest(manifest);
  const id = `sample-${issue.id}`;
  if (!(await store.getIssue(id))) await store.saveIssue({ ...issue, id });
  return id;
}

export async function startEngine(init: EngineInit, log: (message: string) => void = () => {}): Promise<Dispatch> {
  const [{ createDispatch }, { createService }, { defaultEngines }] = await Promise.all([
    import('../../engine/service/dispatch'),
    import('../../engine/service/service'),
    import('../../engine/service/defaultEngines'),
  ]);
  const store = await openStore(init.dataDir, log);
  const startupIssueId = init.sampleManifest ? await loadSample(store, init.sampleManifest) : null;
  const handlers = createService({ store, engines: defaultEngines, startupIssueId, version: init.version, log });
  return createDispatch(handlers, log);
}
