// Start the engine inside its process: open the archive, load the sample issue if asked, and
// return the same dispatch the web server uses (it validates every call with the contract).
import type { Dispatch } from '../../engine/service/dispatch';
import type { EngineInit } from './protocol';

export async function startEngine(init: EngineInit, log: (message: string) => void = () => {}): Promise<Dispatch> {
  const [{ createDispatch }, { createService }, { defaultEngines }, { openStore, loadSampleIssue }] = await Promise.all([
    import('../../engine/service/dispatch'),
    import('../../engine/service/service'),
    import('../../engine/service/defaultEngines'),
    // TODO(lead): openStore/loadSampleIssue live in electron/web/store.ts; both shells need them.
    import('../../web/store'),
  ]);
  const store = await openStore(init.dataDir);
  const startupIssueId = init.sampleManifest ? await loadSampleIssue(store, init.sampleManifest) : null;
  const handlers = createService({ store, engines: defaultEngines, startupIssueId, version: init.version, log });
  return createDispatch(handlers, log);
}
