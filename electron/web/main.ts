// `npm run web`: the app in a browser. Serves the built renderer and the API contract on
// 127.0.0.1 with a per-run token, and prints one line with the full URL.
import { describeError, isUserFacingError } from '../../shared/errors';
import { defaultEngines } from '../engine/service/defaultEngines';
import { createDispatch } from '../engine/service/dispatch';
import { createService } from '../engine/service/service';
import { createWorkerEngines } from '../engine/service/workerEngines';
import { parseWebArgs, WEB_USAGE } from './args';
import { ensureRendererBuilt } from './rendererBuild';
import { startWebServer } from './server';
import { openStore, loadSampleIssue } from './store';

const log = (message: string): void => {
  if (process.env.WEEKLY_DESK_DEBUG) process.stderr.write(`[web] ${message}\n`);
};

async function main(): Promise<number> {
  let args;
  try {
    args = parseWebArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${describeError(e)}\n${WEB_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${WEB_USAGE}\n`);
    return 0;
  }
  const staticDir = await ensureRendererBuilt({ force: args.rebuild, log: (m) => process.stderr.write(`${m}\n`) });
  const store = await openStore(args.dataDir);
  const startupIssueId = args.sample ? await loadSampleIssue(store) : null;
  // PDF/DOCX rendering runs on a worker thread: the server keeps answering during an export.
  const engines = createWorkerEngines(defaultEngines, { log, eager: true });
  const handlers = createService({ store, engines, startupIssueId, version: process.env.npm_package_version, log });
  const server = await startWebServer({ dispatch: createDispatch(handlers, log), staticDir, port: args.port, log });
  process.stdout.write(`Weekly Desk: ${server.url}\n`);
  const stop = (): void => {
    void server.close().then(() => engines.close()).then(() => store.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`Weekly Desk web mode could not start: ${isUserFacingError(e) ? `${e.messageZh} (${e.message})` : describeError(e)}\n`);
    process.exit(1);
  },
);
