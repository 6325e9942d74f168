// Every refusal of the importers is an ImportError: a Chinese message naming the file and the reason
// for the editor, an English one for logs, and a stable code for tests and the UI.
import { basename } from 'node:path';
import { UserFacingError } from '../../../shared/errors';

export type ImportErrorCode =
  | 'import-unreadable'
  | 'import-empty'
  | 'import-too-large'
  | 'import-binary'
  | 'import-unsupported'
  | 'import-no-content'
  | 'import-docx-invalid'
  | 'import-zip-bomb'
  | 'import-fetch-failed'
  | 'import-fetch-timeout'
  | 'import-fetch-redirects'
  | 'import-fetch-type'
  | 'import-url-invalid'
  | 'import-failed';

export class ImportError extends UserFacingError {
  declare readonly code: ImportErrorCode;
  readonly file: string;

  constructor(code: ImportErrorCode, file: string, reasonZh: string, reasonEn: string, options?: { cause?: unknown }) {
    const name = displayName(file);
    super(code, `无法导入“${name}”：${reasonZh}`, `Cannot import "${name}": ${reasonEn}`, options);
    this.name = 'ImportError';
    this.file = file;
  }
}

/** File names are shown without their folders; URLs are shown whole. */
export function displayName(file: string): string {
  if (/^https?:\/\//i.test(file)) return file;
  return basename(file) || file;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}
