// A build lays articles out ahead of the PDF only when no figure of theirs gets its size from an image
// the PDF opens: mayOpenImage says which sources those are.
import { describe, expect, it } from 'vitest';
import { mayOpenImage } from '../../../../electron/engine/pdf/images';

describe('mayOpenImage', () => {
  it('is true for inline images and local files', () => {
    expect(mayOpenImage('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(mayOpenImage('file:///tmp/a.png')).toBe(true);
    expect(mayOpenImage('/tmp/a.png')).toBe(true);
    expect(mayOpenImage('C:\\images\\a.png')).toBe(true);
  });

  it('is false for figures without a source and for remote images', () => {
    expect(mayOpenImage('')).toBe(false);
    expect(mayOpenImage('https://example.com/a.png')).toBe(false);
    expect(mayOpenImage('data:text/plain,abc')).toBe(false);
  });
});
