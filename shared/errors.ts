// Errors an editor may see: a Chinese message for the UI, an English one for logs.
export class UserFacingError extends Error {
  readonly code: string;
  readonly messageZh: string;

  constructor(code: string, messageZh: string, messageEn: string, options?: { cause?: unknown }) {
    super(messageEn, options);
    this.name = 'UserFacingError';
    this.code = code;
    this.messageZh = messageZh;
  }
}

export function isUserFacingError(e: unknown): e is UserFacingError {
  return e instanceof UserFacingError;
}

/** English description of any thrown value, for logs. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
