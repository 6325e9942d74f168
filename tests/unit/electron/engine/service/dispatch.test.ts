import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../../electron/engine/service/dispatch';
import { createMemoryStore } from '../../../../../electron/engine/service/memoryStore';
import { createService } from '../../../../../electron/engine/service/service';
import { CHANNELS, type WeeklyDeskHandlers } from '../../../../../shared/api/contract';
import { UserFacingError } from '../../../../../shared/errors';
import { fakeEngines } from './fakes';

const handlers = () => createService({ store: createMemoryStore(), engines: fakeEngines() });

describe('dispatch', () => {
  it('only knows the contract channels, all named domain:method', async () => {
    expect(CHANNELS.every((c) => /^[a-z]+:[a-zA-Z]+$/.test(c))).toBe(true);
    expect(CHANNELS).toEqual(expect.arrayContaining(['issues:list', 'articles:save', 'import:files', 'export:pdf', 'search:query', 'settings:get']));
    const dispatch = createDispatch(handlers());
    for (const bad of ['send', 'issues:drop', '__proto__:constructor', 'issues:constructor', 'toString']) {
      expect(await dispatch(bad, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('rejects input outside the schema before any handler runs', async () => {
    let called = false;
    const h = handlers();
    const spy: WeeklyDeskHandlers = {
      ...h,
      issues: {
        ...h.issues,
        get: async (i) => {
          called = true;
          return h.issues.get(i);
        },
      },
    };
    const r = await createDispatch(spy)('issues:get', { id: 42 });
    expect(called).toBe(false);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.messageZh).toMatch(/^请求内容有误（id）/);
    }
  });

  it('passes Chinese messages through and hides internal errors behind a generic one', async () => {
    const h = handlers();
    const failing: WeeklyDeskHandlers = {
      ...h,
      search: {
        query: async () => {
          throw new UserFacingError('busy', '档案库忙，请稍后再试。', 'busy');
        },
      },
      settings: {
        ...h.settings,
        get: async () => {
          throw new TypeError('x is undefined');
        },
      },
    };
    const logs: string[] = [];
    const dispatch = createDispatch(failing, (m) => logs.push(m));
    expect(await dispatch('search:query', { query: '医保' })).toEqual({ ok: false, error: { code: 'busy', messageZh: '档案库忙，请稍后再试。' } });
    expect(await dispatch('settings:get', {})).toEqual({ ok: false, error: { code: 'internal', messageZh: '操作失败：x is undefined' } });
    expect(logs.some((l) => l.includes('settings:get') && l.includes('TypeError'))).toBe(true);
  });

  it('checks what handlers return against the contract', async () => {
    const h = handlers();
    const wrong = { ...h, issues: { ...h.issues, list: async () => [{ id: 1 }] } } as unknown as WeeklyDeskHandlers;
    expect(await createDispatch(wrong)('issues:list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('fills schema defaults in the input', async () => {
    const r = await createDispatch(handlers())('issues:create', { isoWeek: '2024-W47' });
    expect(r).toMatchObject({ ok: true, result: { id: '2024-W47', columns: [] } });
  });
});
