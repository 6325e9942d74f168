// Embedded images are checked by their first bytes: a file that says it is an image but is not is dropped
// (with a warning) rather than stored.

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp';

export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'image/gif';
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'image/bmp';
  return null;
}

/** A data: URL for real image bytes, or null when the bytes are not a supported image. */
export function imageDataUrl(bytes: Uint8Array): string | null {
  const type = imageTypeOf(bytes);
  return type ? `data:${type};base64,${Buffer.from(bytes).toString('base64')}` : null;
}

/**
 * A data: image URL re-issued with the type its bytes really have, or null when the bytes are not an
 * image (or too big). Sanitising already refused data: URLs of other kinds.
 */
export function verifiedDataUrl(src: string, maxBytes: number): string | null {
  const m = /^data:image\/[a-z0-9.+-]+;base64,([a-z0-9+/=\s]*)$/i.exec(src);
  if (!m) return null;
  if ((m[1].length * 3) / 4 > maxBytes) return null;
  return imageDataUrl(Buffer.from(m[1], 'base64'));
}
