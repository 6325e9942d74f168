// Size and time limits of the importers, in one place.
export const LIMITS = {
  /** largest HTML / Markdown / text file accepted */
  maxTextBytes: 20 * 1024 * 1024,
  /** largest .docx accepted (images make them big) */
  maxDocxBytes: 40 * 1024 * 1024,
  /** total uncompressed size of a .docx's entries, and the largest expansion ratio allowed */
  maxDocxUnzippedBytes: 200 * 1024 * 1024,
  maxDocxRatio: 200,
  /** one embedded image */
  maxImageBytes: 15 * 1024 * 1024,
  /** URL fetch */
  fetchTimeoutMs: 20_000,
  fetchMaxBytes: 20 * 1024 * 1024,
  fetchMaxRedirects: 5,
} as const;
