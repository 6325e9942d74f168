// Download one image of a clipping (for the archive's media store): http(s) only, time limit, size cap,
// the bytes must really be an image, and WeChat's CDN gets the Referer it insists on.
import { ImportError, formatBytes } from './errors';
import { refererFor, USER_AGENT } from './fetchUrl';
import { imageTypeOf, type ImageType } from './images';
import { LIMITS } from './limits';

export interface FetchedImage {
  bytes: Uint8Array;
  type: ImageType;
}

export interface FetchImageOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** defaults to what the host needs (https://mp.weixin.qq.com/ for mmbiz.qpic.cn) */
  referer?: string;
}

export async function fetchImage(url: string, options: FetchImageOptions = {}): Promise<FetchedImage> {
  if (!/^https?:\/\//i.test(url)) throw new ImportError('import-url-invalid', url, '图片地址不是 http/https 网址', 'not an http(s) image URL');
  const maxBytes = options.maxBytes ?? LIMITS.maxImageBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? LIMITS.fetchTimeoutMs);
  try {
    const referer = options.referer ?? refererFor(url);
    const res = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { 'user-agent': USER_AGENT, accept: 'image/*', ...(referer ? { referer } : {}) },
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new ImportError('import-fetch-failed', url, `图片下载失败（网站返回 ${res.status}）`, `image download failed with ${res.status}`);
    }
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > maxBytes) {
      throw new ImportError('import-too-large', url, `图片太大（${formatBytes(buf.byteLength)}，上限 ${formatBytes(maxBytes)}）`, 'image too large');
    }
    const type = imageTypeOf(buf);
    if (!type) throw new ImportError('import-binary', url, '下载的内容不是可识别的图片', 'the download is not an image');
    return { bytes: buf, type };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (controller.signal.aborted) throw new ImportError('import-fetch-timeout', url, '图片下载超时', 'image download timed out');
    throw new ImportError('import-fetch-failed', url, '图片下载失败（无法连接）', `image download failed (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
}
