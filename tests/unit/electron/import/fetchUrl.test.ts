// importUrl against a local HTTP server on 127.0.0.1 (never the internet): redirects, time limit, size cap,
// content types, charsets, and links resolved against the final address.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, fetchImage, importUrl } from '../../../../electron/engine/import/index';
import { refererFor } from '../../../../electron/engine/import/fetchUrl';
import { countsOf, figures, fixture } from './helpers';

const wechat = readFileSync(fixture('wechat', 'wechat-account-source.html'));
const gbk = readFileSync(fixture('gov', 'hebei-notice-gbk.html'));
const docx = readFileSync(fixture('word', 'cost-control-report.docx'));
const png = readFileSync(fixture('gov', 'W020241119560123456789.png'));

const pending: ServerResponse[] = [];
let imageHits = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const hops = /^\/hop\/(\d+)$/.exec(url.pathname);
  if (hops) {
    const n = Number(hops[1]);
    res.writeHead(302, { location: n > 1 ? `/hop/${n - 1}` : '/news/2024/article.html' });
    res.end();
    return;
  }
  switch (url.pathname) {
    case '/s/wechat':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(wechat);
      return;
    case '/gov/meta-charset.html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(gbk);
      return;
    case '/gov/header-charset.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=GBK' });
      // The header wins over a page that claims UTF-8.
      res.end(Buffer.from(gbk.toString('latin1').replace('charset=gb2312', 'charset=utf-8'), 'latin1'));
      return;
    case '/news/2024/article.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<html><head><title>国家医保局发布新版药品目录_新闻</title><meta property="og:site_name" content="某新闻网"></head><body>' +
          '<article><h1>国家医保局发布新版药品目录</h1><p>来源：新华社</p><p>新版目录共收录药品 3159 种，其中西药 1765 种、中成药 1394 种。</p>' +
          '<p><img src="../img/list.png" alt="目录"></p><p>详见<a href="/docs/list.pdf">目录全文</a>。</p></article></body></html>',
      );
      return;
    case '/news/with-images.html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<html><head><title>图解医保基金</title></head><body><article><h1>图解医保基金</h1><p>来源：健康报</p>' +
          '<p>2023年医保基金运行平稳，收支结构持续优化，基金累计结存继续增加。</p>' +
          '<figure><img src="/news/img/ok.png"><figcaption>图 1 基金收支</figcaption></figure>' +
          '<figure><img src="/news/img/gone.png"><figcaption>图 2 已删除的图片</figcaption></figure>' +
          '<figure><img src="/news/img/ok.png"><figcaption>图 3 同一张图</figcaption></figure></article></body></html>',
      );
      return;
    case '/news/img/ok.png':
      imageHits++;
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
      return;
    case '/files/report.docx':
      res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      res.end(docx);
      return;
    case '/image.png':
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(100));
      return;
    case '/missing':
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>404</h1>');
      return;
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) });
      res.end(Buffer.alloc(3 * 1024 * 1024, 0x61));
      return;
    case '/big-streamed': {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(256 * 1024, 0x61);
      let sent = 0;
      const push = (): void => {
        if (sent++ >= 12 || res.destroyed) return void res.end();
        res.write(chunk, () => setImmediate(push));
      };
      push();
      return;
    }
    case '/slow-headers':
      pending.push(res); // never answers
      return;
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>开头');
      pending.push(res);
      return;
    case '/img/chart.png':
      // Like WeChat's CDN: no image without the right Referer.
      if (req.headers.referer !== 'https://mp.weixin.qq.com/') {
        res.writeHead(403, { 'content-type': 'text/plain' });
        res.end('forbidden');
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
      return;
    case '/img/fake.png':
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('<html>not an image</html>');
      return;
    default:
      res.writeHead(404);
      res.end();
  }
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of pending) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function refusal(url: string, options?: Parameters<typeof importUrl>[1]): Promise<ImportError> {
  const e = await importUrl(url, options).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('importUrl', () => {
  it('downloads the page’s images once each and keeps them inline; a missing one keeps its address with a warning', async () => {
    imageHits = 0;
    const c = await importUrl(`${base}/news/with-images.html`);
    const [ok, gone, again] = figures(c);
    expect(ok.src).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(again.src).toBe(ok.src);
    expect(imageHits).toBe(1);
    expect(gone.src).toBe(`${base}/news/img/gone.png`);
    expect(gone.caption).toBe('图 2 已删除的图片');
    expect(c.warnings.some((w) => w.includes('图片未能下载') && w.includes('gone.png'))).toBe(true);
  });

  it('leaves remote images as addresses when asked to', async () => {
    const c = await importUrl(`${base}/news/with-images.html`, { keepRemoteImages: true });
    expect(figures(c).map((f) => f.src)).toEqual([`${base}/news/img/ok.png`, `${base}/news/img/gone.png`, `${base}/news/img/ok.png`]);
    expect(c.warnings.some((w) => w.includes('图片未能下载'))).toBe(false);
  });

  it('imports a WeChat post and records its address', async () => {
    // Its images live on WeChat's CDN: tests never reach the internet, so they stay addresses here.
    const c = await importUrl(`${base}/s/wechat`, { keepRemoteImages: true });
    expect(c.title).toBe('DRG/DIP 2.0 版分组方案落地一周年：医院该如何应对？');
    expect(c.source).toBe('医保观察');
    expect(c.url).toBe(`${base}/s/wechat`);
    expect(countsOf(c).image).toBe(2);
  });

  it('decodes a GBK page by its meta charset, and by the header charset when the page claims UTF-8', async () => {
    for (const path of ['/gov/meta-charset.html', '/gov/header-charset.html']) {
      const c = await importUrl(base + path);
      expect(c.title).toBe('河北省医疗保障局关于做好2025年城乡居民基本医疗保险参保缴费工作的通知');
      expect(c.source).toBe('河北省医疗保障局');
    }
  });

  it('follows a few redirects and resolves relative links and images against the final address', async () => {
    const c = await importUrl(`${base}/hop/3`);
    expect(c.url).toBe(`${base}/news/2024/article.html`);
    expect(c.source).toBe('新华社');
    expect(figures(c)[0].src).toBe(`${base}/news/img/list.png`);
    expect(JSON.stringify(c.content)).toContain(`"url":"${base}/docs/list.pdf"`);
  });

  it('refuses more redirects than allowed', async () => {
    const e = await refusal(`${base}/hop/4`, { fetch: { maxRedirects: 3 } });
    expect(e.code).toBe('import-fetch-redirects');
    expect(e.messageZh).toContain('网址跳转次数过多（超过 3 次）');
  });

  it('imports a Word file served with its MIME type', async () => {
    const c = await importUrl(`${base}/files/report.docx`);
    expect(c.title).toBe('DIP 支付改革下医院成本管控的三点做法');
    expect(countsOf(c).list).toBe(2);
  });

  it('refuses content that is not a page or document', async () => {
    const e = await refusal(`${base}/image.png`);
    expect(e.code).toBe('import-fetch-type');
    expect(e.messageZh).toContain('image/png');
  });

  it('reports an HTTP error status', async () => {
    const e = await refusal(`${base}/missing`);
    expect(e.code).toBe('import-fetch-failed');
    expect(e.messageZh).toContain('网站返回错误 404');
  });

  it('refuses a response over the size cap, declared or streamed', async () => {
    expect((await refusal(`${base}/big-declared`, { fetch: { maxBytes: 1024 * 1024 } })).code).toBe('import-too-large');
    expect((await refusal(`${base}/big-streamed`, { fetch: { maxBytes: 1024 * 1024 } })).code).toBe('import-too-large');
  });

  it('gives up on a server that does not answer, or stalls mid-body', async () => {
    const e = await refusal(`${base}/slow-headers`, { fetch: { timeoutMs: 300 } });
    expect(e.code).toBe('import-fetch-timeout');
    expect((await refusal(`${base}/slow-body`, { fetch: { timeoutMs: 300 } })).code).toBe('import-fetch-timeout');
  });

  it('refuses non-http URLs and reports a closed port', async () => {
    expect((await refusal('file:///etc/passwd')).code).toBe('import-url-invalid');
    expect((await refusal('javascript:alert(1)')).code).toBe('import-url-invalid');
    expect((await refusal('http://127.0.0.1:1/')).code).toBe('import-fetch-failed');
  });
});

describe('refererFor', () => {
  it('gives WeChat image hosts the Referer they require, and nothing else one', () => {
    expect(refererFor('https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png')).toBe('https://mp.weixin.qq.com/');
    expect(refererFor('https://www.nhsa.gov.cn/a.png')).toBeUndefined();
    expect(refererFor('not a url')).toBeUndefined();
  });
});

describe('fetchImage', () => {
  it('downloads an image, sending the Referer the CDN requires', async () => {
    const img = await fetchImage(`${base}/img/chart.png`, { referer: 'https://mp.weixin.qq.com/' });
    expect(img.type).toBe('image/png');
    expect(img.bytes.byteLength).toBe(png.byteLength);
    const refused = await fetchImage(`${base}/img/chart.png`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).messageZh).toContain('网站返回 403');
  });

  it('refuses bytes that are not an image, and images over the cap', async () => {
    expect(((await fetchImage(`${base}/img/fake.png`).catch((e: unknown) => e)) as ImportError).code).toBe('import-binary');
    const big = await fetchImage(`${base}/img/chart.png`, { referer: 'https://mp.weixin.qq.com/', maxBytes: 100 }).catch((e: unknown) => e);
    expect((big as ImportError).code).toBe('import-too-large');
  });
});
