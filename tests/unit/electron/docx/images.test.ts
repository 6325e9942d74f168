import { describe, expect, it } from 'vitest';
import { decodeDataUrl, fitImage, imageInfo, loadFigureImage } from '../../../../electron/engine/docx/images';
import { MEDIA_PNG, TINY_PNG } from './sampleIssue';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

/** A baseline JPEG header: SOI, an APP0 segment, then SOF0 with height 300 and width 400 */
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03);
const GIF = bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x03, 0x58, 0x02);
const BMP = (() => {
  const b = new Uint8Array(26);
  b.set([0x42, 0x4d]);
  new DataView(b.buffer).setInt32(18, 640, true);
  new DataView(b.buffer).setInt32(22, -480, true); // top-down bitmaps store a negative height
  return b;
})();

describe('decodeDataUrl', () => {
  it('decodes base64 data URLs', () => {
    const png = decodeDataUrl(TINY_PNG)!;
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('decodes percent-encoded data URLs', () => {
    expect(new TextDecoder().decode(decodeDataUrl('data:image/svg+xml,%3Csvg%2F%3E')!)).toBe('<svg/>');
  });

  it('returns null for other sources', () => {
    expect(decodeDataUrl('media:clip-0042')).toBeNull();
    expect(decodeDataUrl('https://example.com/a.png')).toBeNull();
    expect(decodeDataUrl('')).toBeNull();
  });
});

describe('imageInfo', () => {
  it('reads kind and size of PNG, JPEG, GIF and BMP headers', () => {
    expect(imageInfo(decodeDataUrl(TINY_PNG)!)).toEqual({ kind: 'png', width: 2, height: 1 });
    expect(imageInfo(decodeDataUrl(MEDIA_PNG)!)).toEqual({ kind: 'png', width: 1, height: 2 });
    expect(imageInfo(JPEG)).toEqual({ kind: 'jpg', width: 400, height: 300 });
    expect(imageInfo(GIF)).toEqual({ kind: 'gif', width: 800, height: 600 });
    expect(imageInfo(BMP)).toEqual({ kind: 'bmp', width: 640, height: 480 });
  });

  it('returns null for other formats and truncated headers', () => {
    expect(imageInfo(new TextEncoder().encode('<svg/>'))).toBeNull();
    expect(imageInfo(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(imageInfo(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46))).toBeNull();
  });
});

describe('fitImage', () => {
  it('scales down to the box, keeping the aspect ratio', () => {
    expect(fitImage({ width: 1200, height: 600 }, { width: 600, height: 800 })).toEqual({ width: 600, height: 300 });
    expect(fitImage({ width: 300, height: 1200 }, { width: 600, height: 600 })).toEqual({ width: 150, height: 600 });
  });

  it('never scales up and never reaches zero', () => {
    expect(fitImage({ width: 20, height: 10 }, { width: 600, height: 800 })).toEqual({ width: 20, height: 10 });
    expect(fitImage({ width: 10000, height: 1 }, { width: 100, height: 100 })).toEqual({ width: 100, height: 1 });
  });
});

describe('loadFigureImage', () => {
  it('takes data: URLs without asking the resolver', async () => {
    const image = await loadFigureImage(TINY_PNG, async () => {
      throw new Error('must not be called');
    });
    expect(image?.info).toEqual({ kind: 'png', width: 2, height: 1 });
  });

  it('asks the resolver for other sources, and gives null when it has nothing, fails, or returns no image', async () => {
    expect((await loadFigureImage('media:a', async () => decodeDataUrl(MEDIA_PNG)))?.info.kind).toBe('png');
    expect(await loadFigureImage('media:a', async () => null)).toBeNull();
    expect(await loadFigureImage('media:a', async () => Promise.reject(new Error('offline')))).toBeNull();
    expect(await loadFigureImage('media:a', async () => new TextEncoder().encode('<svg/>'))).toBeNull();
    expect(await loadFigureImage('media:a')).toBeNull();
    expect(await loadFigureImage('')).toBeNull();
  });
});
