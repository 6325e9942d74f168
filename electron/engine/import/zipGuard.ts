// Before mammoth (jszip) expands a .docx, inflate it once as a stream and count the real bytes, so a
// zip bomb (or an entry lying about its size) is refused after at most the cap's worth of work.
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

export interface ZipCheck {
  ok: boolean;
  entries: string[];
  unzippedBytes: number;
  reason?: 'too-large' | 'ratio' | 'corrupt' | 'empty';
}

export function checkZip(bytes: Uint8Array, maxUnzipped: number, maxRatio: number): ZipCheck {
  const entries: string[] = [];
  let total = 0;
  let reason: ZipCheck['reason'];
  const cap = Math.min(maxUnzipped, Math.max(bytes.byteLength * maxRatio, 1024 * 1024));
  try {
    const unzip = new Unzip((file) => {
      entries.push(file.name);
      file.ondata = (err, chunk) => {
        if (err) {
          reason ??= 'corrupt';
          return;
        }
        total += chunk.byteLength;
        if (total > cap && !reason) {
          reason = total > maxUnzipped ? 'too-large' : 'ratio';
          file.terminate();
        }
      };
      if (!reason) file.start();
    });
    unzip.register(UnzipInflate);
    unzip.register(UnzipPassThrough);
    // Push in slices so a bomb is stopped early instead of after one giant inflate.
    const slice = 64 * 1024;
    for (let i = 0; i < bytes.byteLength && !reason; i += slice) {
      unzip.push(bytes.subarray(i, Math.min(i + slice, bytes.byteLength)), i + slice >= bytes.byteLength);
    }
  } catch {
    reason ??= 'corrupt';
  }
  if (!reason && entries.length === 0) reason = 'empty';
  return { ok: !reason, entries, unzippedBytes: total, reason };
}
