// Engines whose PDF and DOCX rendering runs in a worker thread (./renderWorker.ts); import and
// 提要 stay on the calling thread. Web mode uses this so a 2-second layout never stalls the API.
// The worker starts on first use, and a crashed worker fails its pending jobs and is replaced.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IssueDocument } from '../../../shared/document/issueDocument';
import { UserFacingError } from '../../../shared/errors';
import type { MetricsPack } from '../../../shared/layout/metricsPack';
import { articleKey } from './articleKeys';
import type { Engines, RenderOptions, RenderedPdf } from './engines';
import type { ArticleRef, RenderReply, RenderRequest, WorkerError } from './renderWorkerProtocol';

export interface WorkerEnginesOptions {
  /** the worker's entry; defaults to ./renderWorker next to this module (.ts under tsx, .js when built) */
  entry?: URL;
  log?: (message: string) => void;
  /** start the worker now, so the first export does not wait for it to load the engine */
  eager?: boolean;
  /** the worker's young generation, MB (see YOUNG_GENERATION_MB) */
  youngGenerationMb?: number;
}

/**
 * Laying out an article makes millions of short-lived objects (atoms, lines) that outlive a worker's
 * default young generation (48 MB) and get copied into the old one: re-laying a changed 18,000-
 * character article for the live page numbers took ~42 ms of CPU (median) with the default and
 * ~27 ms with 192 MB (96 MB: ~38, 384 MB: ~30). Exports in this worker gain too; the cost is up to
 * ~100 MB more memory while it works.
 */
export const YOUNG_GENERATION_MB = 192;

export interface WorkerEngines extends Engines {
  /** stop the worker (pending jobs fail) */
  close(): Promise<void>;
}

interface Pending {
  onStage?: (stage: string) => void;
  resolve: (reply: RenderReply) => void;
  reject: (e: unknown) => void;
}

function defaultEntry(): URL {
  const here = new URL(import.meta.url);
  return new URL(here.pathname.endsWith('.ts') ? './renderWorker.ts' : './renderWorker.js', here);
}

/** tsx's ESM API as a file URL, read from its package's export map (its CJS build cannot load from a worker). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgJson), pkg.exports['./esm/api'].import.default)).href;
}

/** A .ts entry runs through tsx's loader, registered inside the worker (loaders are per thread). */
function spawn(entry: URL, youngGenerationMb: number): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: youngGenerationMb };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  const tsxApi = tsxEsmApi();
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** Page-number requests the worker keeps the articles of (two tabs on two issues, an undo, a revert). */
const HELD_REQUESTS = 4;

/**
 * The service's side of the render worker's held articles: which document article objects the
 * worker holds, by key. A document article is never changed once made (the service makes a new one
 * for an edited article), so the object itself says whether the worker has it.
 */
export class ArticleLedger {
  /** key → serial of the last request that used it, for the current worker */
  private held = new Map<number, number>();
  private serial = 0;
  private lost = false;

  /** The worker is new, or may have lost track: send every article again, and tell it to forget. */
  reset(): void {
    this.held = new Map();
    this.lost = true;
  }

  refs(doc: IssueDocument): { doc: Extract<RenderRequest, { kind: 'pages' }>['doc']; reset: boolean; drop: number[] } {
    const serial = ++this.serial;
    const articles: ArticleRef[] = doc.articles.map((article) => {
      const key = articleKey(article);
      const known = this.held.has(key);
      this.held.set(key, serial);
      return known ? { key } : { key, article };
    });
    const drop: number[] = [];
    for (const [key, last] of this.held) {
      if (last <= serial - HELD_REQUESTS) {
        drop.push(key);
        this.held.delete(key);
      }
    }
    const reset = this.lost;
    this.lost = false;
    return { doc: { ...doc, articles }, reset, drop };
  }
}

function toError(error: WorkerError): Error {
  if (error.code && error.messageZh) return new UserFacingError(error.code, error.messageZh, error.message);
  return new Error(error.message);
}

export function createWorkerEngines(base: Engines, options: WorkerEnginesOptions = {}): WorkerEngines {
  const entry = options.entry ?? defaultEntry();
  const log = options.log ?? (() => {});
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;
  const ledger = new ArticleLedger();

  function failAll(e: unknown): void {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = spawn(entry, options.youngGenerationMb ?? YOUNG_GENERATION_MB);
    ledger.reset();
    w.on('message', (reply: RenderReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      if (reply.type === 'stage') {
        p.onStage?.(reply.stage);
        return;
      }
      pending.delete(reply.id);
      if (reply.type === 'error') p.reject(toError(reply.error));
      else p.resolve(reply);
    });
    w.on('error', (e) => {
      log(`render worker failed: ${e.stack ?? e.message}`);
      if (worker === w) worker = null;
      failAll(new UserFacingError('render-worker-failed', '排版进程意外退出，请重新导出。', `Render worker failed: ${e.message}`));
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (pending.size > 0) {
        failAll(new UserFacingError('render-worker-exited', '排版进程意外退出，请重新导出。', `Render worker exited with code ${code}`));
      }
    });
    // Do not keep the process alive for an idle worker.
    w.unref();
    worker = w;
    return w;
  }

  /** Posts the message `make` builds for a new request id; the reply settles the promise. */
  function send(make: (id: number) => RenderRequest, onStage?: (stage: string) => void): Promise<RenderReply> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const w = ensureWorker();
      pending.set(id, { resolve, reject, ...(onStage ? { onStage } : {}) });
      w.ref();
      w.postMessage(make(id));
    }).finally(() => {
      if (worker && pending.size === 0) worker.unref();
    }) as Promise<RenderReply>;
  }

  function request(kind: 'pdf' | 'docx' | 'pages', doc: IssueDocument, opts: RenderOptions): Promise<RenderReply> {
    return send((id) => {
      const base = { id, pageSize: opts.pageSize, bodyFont: opts.bodyFont };
      return kind === 'pages' ? { ...base, kind, ...ledger.refs(doc) } : { ...base, kind, doc };
    }, opts.onStage);
  }

  /** The worker's metrics pack, asked once (the faces do not change while the process runs); asked again after a failure. */
  let pack: Promise<MetricsPack> | null = null;

  if (options.eager) ensureWorker();

  return {
    ...base,
    renderPdf: async (doc, opts): Promise<RenderedPdf> => {
      const reply = await request('pdf', doc, opts);
      if (reply.type !== 'pdf') throw new Error(`render worker answered ${reply.type} to a pdf request`);
      return { pdf: reply.pdf, pageCount: reply.pageCount, pageMap: reply.pageMap };
    },
    settlePages: async (doc, opts) => {
      const reply = await request('pages', doc, opts).catch((e: unknown) => {
        // the worker may not hold what the ledger says (a failed resolve): start afresh next time
        ledger.reset();
        throw e;
      });
      if (reply.type !== 'pages') throw new Error(`render worker answered ${reply.type} to a pages request`);
      return { pageCount: reply.pageCount, pageMap: reply.pageMap };
    },
    renderDocx: async (doc, opts) => {
      const reply = await request('docx', doc, opts);
      if (reply.type !== 'docx') throw new Error(`render worker answered ${reply.type} to a docx request`);
      return { docx: reply.docx };
    },
    metricsPack: () => {
      if (!pack) {
        const asked = send((id) => ({ id, kind: 'metrics' })).then((reply) => {
          if (reply.type !== 'metrics') throw new Error(`render worker answered ${reply.type} to a metrics request`);
          return reply.pack;
        });
        asked.catch(() => {
          if (pack === asked) pack = null;
        });
        pack = asked;
      }
      return pack;
    },
    close: async () => {
      const w = worker;
      worker = null;
      failAll(new UserFacingError('render-worker-closed', '程序正在退出，导出已取消。', 'Render worker closed'));
      if (w) await w.terminate();
    },
  };
}
