// The engine connection end to end over a real MessageChannel (what utilityProcess gives
// Electron), with the real service on an in-memory store.
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient } from '../../../../electron/main/engine/client';
import { serveEngine } from '../../../../electron/main/engine/host';
import { isFromEngine, isToEngine, type EngineInit } from '../../../../electron/main/engine/protocol';
import { createDispatch, type Dispatch } from '../../../../electron/engine/service/dispatch';
import { createMemoryStore } from '../../../../electron/engine/service/memoryStore';
import { createService } from '../../../../electron/engine/service/service';
import type { Engines } from '../../../../electron/engine/service/engines';

const engines: Engines = {
  importBytes: async () => {
    throw new Error('not used');
  },
  importHtml: async () => {
    throw new Error('not used');
  },
  importUrl: async () => {
    throw new Error('not used');
  },
  summarize: () => '',
  renderPdf: async () => ({ pdf: new Uint8Array([37, 80, 68, 70]), pageCount: 1, pageMap: {} }),
  settlePages: async () => ({ pageCount: 1, pageMap: {} }),
  renderDocx: async () => ({ docx: new Uint8Array([80, 75]) }),
  metricsPack: async () => {
    throw new Error('not used');
  },
};

const init: EngineInit = { type: 'init', dataDir: null, sampleManifest: null, version: '9.9.9' };
const channels: MessageChannel[] = [];

function connect(start: (init: EngineInit) => Promise<Dispatch>) {
  const channel = new MessageChannel();
  channels.push(channel);
  const hostSide = channel.port1;
  const mainSide = channel.port2;
  serveEngine({ post: (m) => hostSide.postMessage(m), onMessage: (l) => hostSide.on('message', l) }, start);
  const client = createEngineClient((m) => mainSide.postMessage(m));
  const ready = new Promise<unknown>((resolve) => {
    mainSide.on('message', (m: unknown) => {
      if (isFromEngine(m) && m.type !== 'reply') resolve(m);
      else client.receive(m);
    });
  });
  mainSide.postMessage(init);
  return { client, ready };
}

afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

describe('engine process protocol', () => {
  it('answers contract calls with the service behind it', async () => {
    let seenInit: EngineInit | null = null;
    const { client, ready } = connect(async (i) => {
      seenInit = i;
      return createDispatch(createService({ store: createMemoryStore(), engines, version: i.version }));
    });
    expect(await ready).toEqual({ type: 'ready' });
    expect(seenInit).toEqual(init);
    expect(await client.call('app:startup', {})).toEqual({ ok: true, result: { openIssueId: null, version: '9.9.9' } });
    const created = await client.call('issues:create', { isoWeek: '2024-W47', columns: ['分析解读'] });
    expect(created.ok).toBe(true);
    const list = await client.call('issues:list', {});
    expect(list.ok && (list.result as Array<{ id: string }>).map((i) => i.id)).toEqual(['2024-W47']);
    const bad = await client.call('issues:get', { id: 'nope' });
    expect(bad).toEqual({ ok: false, error: { code: 'issue-not-found', messageZh: expect.any(String) } });
    expect(client.pending()).toBe(0);
  });

  it('keeps calls apart when many are in flight', async () => {
    const { client, ready } = connect(async () => async (channel, input) => {
      await new Promise((r) => setTimeout(r, (input as { delay: number }).delay));
      return { ok: true, result: { channel, input } };
    });
    await ready;
    const replies = await Promise.all([30, 1, 15].map((delay) => client.call('search:query', { delay })));
    expect(replies.map((r) => r.ok && (r.result as { input: { delay: number } }).input.delay)).toEqual([30, 1, 15]);
  });

  it('reports an engine that cannot start', async () => {
    const { ready } = connect(async () => {
      throw new Error('database is locked');
    });
    expect(await ready).toEqual({ type: 'fatal', message: 'database is locked' });
  });

  it('fails calls in flight when the engine dies, in Chinese', async () => {
    const client = createEngineClient(() => {});
    const pending = client.call('issues:list', {});
    expect(client.pending()).toBe(1);
    client.failAll('后台引擎意外退出');
    expect(await pending).toEqual({ ok: false, error: { code: 'engine-crashed', messageZh: '后台引擎意外退出' } });
  });

  it('answers at once when the engine cannot be reached', async () => {
    const client = createEngineClient(() => {
      throw new Error('engine not running');
    });
    const reply = await client.call('issues:list', {});
    expect(reply.ok).toBe(false);
    expect(client.pending()).toBe(0);
  });

  it('ignores stray or malformed messages', () => {
    const client = createEngineClient(() => {});
    expect(() => client.receive({ type: 'reply', id: 999, reply: { ok: true, result: 1 } })).not.toThrow();
    expect(() => client.receive('junk')).not.toThrow();
    expect(isToEngine({ type: 'call', id: '1', channel: 'x' })).toBe(false);
    expect(isFromEngine({ type: 'reply', id: 1 })).toBe(false);
  });
});
