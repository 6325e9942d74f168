// layout:metrics — the faces' metrics pack the renderer lays out with: the real engines' pack through
// the service and the contract, the render worker's (asked once, asked again after a failure), and
// what the schema refuses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricsPackSchema } from '../../../../../shared/api/contract';
import { metricsPack } from '../../../../../electron/engine/fonts/metricsPack';
import { defaultEngines } from '../../../../../electron/engine/service/defaultEngines';
import { createDispatch } from '../../../../../electron/engine/service/dispatch';
import { createMemoryStore } from '../../../../../electron/engine/service/memoryStore';
import { createService } from '../../../../../electron/engine/service/service';
import { createWorkerEngines } from '../../../../../electron/engine/service/workerEngines';
import { startWebServer } from '../../../../../electron/web/server';
import { metricsFromPack, type MetricsPack } from '../../../../../shared/layout/metricsPack';
import { fakeEngines, fakeMetricsPack } from './fakes';

describe('layout:metrics', () => {
  it('answers the engine’s pack through the contract, and the same pack again', async () => {
    const handlers = createService({ store: createMemoryStore(), engines: defaultEngines });
    const dispatch = createDispatch(handlers);
    const r = await dispatch('layout:metrics', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(metricsPackSchema.safeParse(r.result).success).toBe(true);
    expect(r.result).toEqual(metricsPack());
    expect(await handlers.layout.metrics({})).toBe(await handlers.layout.metrics({}));
    // what the renderer builds from it measures like the engine
    const metrics = metricsFromPack(r.result as MetricsPack);
    expect(metrics.advance('医保', 'serif')).toBe(2000);
    expect(metrics.hasGlyph('sans', '药'.codePointAt(0) ?? 0)).toBe(true);
  });

  it('reaches the browser over web mode’s HTTP, from the render worker, as plain JSON', async () => {
    const engines = createWorkerEngines(defaultEngines);
    const server = await startWebServer({ dispatch: createDispatch(createService({ store: createMemoryStore(), engines })), staticDir: mkdtempSync(join(tmpdir(), 'weekly-metrics-')) });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/layout:metrics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-weekly-desk-token': server.token },
        body: '{}',
      });
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body.length).toBeLessThan(100_000);
      expect(JSON.parse(body)).toEqual({ ok: true, result: metricsPack() });
    } finally {
      await server.close();
      await engines.close();
    }
  });

  it('reports a pack outside the contract as an internal error, not as metrics', async () => {
    const broken = { ...fakeMetricsPack(), keys: { ...fakeMetricsPack().keys, extra: 3 } };
    const logs: string[] = [];
    const dispatch = createDispatch(createService({ store: createMemoryStore(), engines: fakeEngines({ metricsPack: async () => broken }) }), (m) => logs.push(m));
    expect(await dispatch('layout:metrics', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logs.some((l) => l.startsWith('layout:metrics: handler returned a value outside the contract'))).toBe(true);
  });
});

describe('metricsPackSchema', () => {
  const good = fakeMetricsPack();
  const withFace = (face: Partial<MetricsPack['faces'][number]>): unknown => ({ ...good, faces: [{ ...good.faces[0], ...face }] });

  it('accepts a well-formed pack, and one without the extra face', () => {
    expect(metricsPackSchema.safeParse(good).success).toBe(true);
    expect(good.keys.extra).toBeNull();
  });

  it.each([
    ['another version', { ...good, version: 2 }],
    ['no faces', { ...good, faces: [] }],
    ['a key naming a face not in the pack', { ...good, keys: { ...good.keys, sans: 1 } }],
    ['no serif face', { ...good, keys: { ...good.keys, serif: null } }],
    ['a key missing', { ...good, keys: { serif: 0, serifBold: 0, sans: 0, sansBold: 0 } }],
    ['runs that are not triples', withFace({ runs: [0x20, 10] })],
    ['an empty run', withFace({ runs: [0x20, 0, 500] })],
    ['a run past U+10FFFF', withFace({ runs: [0x10fff0, 0x20, 500] })],
    ['a negative gap', withFace({ runs: [-1, 1, 500] })],
    ['a fractional advance', withFace({ runs: [0x20, 1, 500.5] })],
    ['an advance wider than font units go', withFace({ runs: [0x20, 1, 70_000] })],
    ['a string among the numbers', withFace({ runs: ['32', 1, 500] as unknown as number[] })],
    ['NaN among the numbers', withFace({ runs: [0x20, 1, Number.NaN] })],
    ['runs that are not an array', withFace({ runs: { 0: 32, 1: 1, 2: 500, length: 3 } as unknown as number[] })],
    ['too many runs', withFace({ runs: new Array<number>(300_003).fill(1) })],
    ['no unitsPerEm', withFace({ unitsPerEm: 0 })],
    ['a missing twoEmDash', withFace({ twoEmDash: undefined as unknown as boolean })],
  ])('refuses %s', (_name, pack) => {
    expect(metricsPackSchema.safeParse(pack).success).toBe(false);
  });
});

describe('the render worker’s metrics pack', () => {
  const engines = createWorkerEngines(fakeEngines());
  afterAll(() => engines.close());

  it('is the pack of the faces the worker loaded, kept after the first request', async () => {
    const first = await engines.metricsPack();
    expect(first).toEqual(metricsPack());
    expect(await engines.metricsPack()).toBe(first);
  });

  it('is asked for again after a failed request, and then kept', async () => {
    const entry = new URL('./workers/metricsWorker.ts', import.meta.url);
    const flaky = createWorkerEngines(fakeEngines(), { entry });
    try {
      await expect(flaky.metricsPack()).rejects.toThrow('faces not ready');
      const pack = await flaky.metricsPack();
      expect(pack.faces[0].ascent).toBe(2);
      expect(await flaky.metricsPack()).toBe(pack);
    } finally {
      await flaky.close();
    }
  });
});
