import { describe, expect, it } from 'vitest';
import { createHttpApi, takeToken, TOKEN_HEADER } from '../../../renderer/src/api/client';
import { UserFacingError } from '../../../shared/errors';
import { memoryStorage } from '../../helpers/storage';

describe('takeToken', () => {
  it('takes the token from the URL once, hides it, and remembers it for the tab', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const history = { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
    const location = { search: '?token=abc&x=1', pathname: '/', hash: '#/issue/1' } as Location;
    expect(takeToken(location, history, storage)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#/issue/1']);
    expect(takeToken({ search: '', pathname: '/', hash: '' } as Location, history, storage)).toBe('abc');
  });
});

describe('createHttpApi', () => {
  it('posts to /api/<channel> with the token and returns the result', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const api = createHttpApi('tok', async (url, init) => {
      calls.push({ url: String(url), init: init! });
      return new Response(JSON.stringify({ ok: true, result: [] }));
    });
    expect(await api.issues.list({})).toEqual([]);
    expect(calls[0].url).toBe('./api/issues:list');
    expect((calls[0].init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok');
  });

  it('throws the server’s Chinese message', async () => {
    const api = createHttpApi('tok', async () => new Response(JSON.stringify({ ok: false, error: { code: 'issue-not-found', messageZh: '找不到这一期' } }), { status: 422 }));
    await expect(api.issues.get({ id: 'x' })).rejects.toMatchObject({ code: 'issue-not-found', messageZh: '找不到这一期' });
  });

  it('explains a lost connection in Chinese', async () => {
    const api = createHttpApi('tok', async () => {
      throw new TypeError('Failed to fetch');
    });
    const e = await api.settings.get({}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserFacingError);
    expect((e as UserFacingError).messageZh).toContain('无法连接');
  });
});
