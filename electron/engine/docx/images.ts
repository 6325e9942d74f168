// Figure images for the DOCX: bytes from a data: URL or from the caller's resolver, their kind and pixel size
// read from the file header (Word needs both), and a size that fits the text column.

export type ImageKind = 'png' | 'jpg' | 'gif' | 'bmp';

export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
}

export type ImageResolver = (src: string) => Promise<Uint8Array | null>;

/** Bytes of a base64 or percent-encoded data: URL; null for anything else. */
export function decodeDataUrl(src: string): Uint8Array | null {
  const match = /^data:([^,]*?),(.*)$/s.exec(src.trim());
  if (!match) return null;
  const isBase64 = /;base64$/i.test(match[1]);
  try {
    if (isBase64) return new Uint8Array(Buffer.from(match[2].replace(/\s+/g, ''), 'base64'));
    return new Uint8Array(Buffer.from(decodeURIComponent(match[2]), 'binary'));
  } catch {
    return null;
  }
}

const u16be = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32be = (b: Uint8Array, at: number): number => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const i32le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    // SOF0…SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** Kind and pixel size of a PNG, JPEG, GIF or BMP; null for other formats or a truncated header. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const b = bytes;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { kind: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    const size = jpegSize(b);
    return size ? { kind: 'jpg', ...size } : null;
  }
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { kind: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) {
    return { kind: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  return null;
}

/** Scale (never up) to fit a box, keeping the aspect ratio; whole pixels, at least 1. */
export function fitImage(
  size: { width: number; height: number },
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(1, box.width / size.width, box.height / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** The image of a figure, or null when there are no usable bytes (the caption is then drawn alone). */
export async function loadFigureImage(
  src: string,
  resolve?: ImageResolver,
): Promise<{ bytes: Uint8Array; info: ImageInfo } | null> {
  if (!src) return null;
  let bytes = decodeDataUrl(src);
  if (!bytes && resolve) {
    try {
      bytes = await resolve(src);
    } catch {
      bytes = null;
    }
  }
  if (!bytes) return null;
  const info = imageInfo(bytes);
  return info && info.width > 0 && info.height > 0 ? { bytes, info } : null;
}
