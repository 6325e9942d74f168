// What can go wrong with the archive, in words the editor can act on.
import { UserFacingError } from '../../../shared/errors';

/** The database file cannot be read as a healthy SQLite database. The file is left untouched. */
export class ArchiveCorruptError extends UserFacingError {
  readonly dbPath: string;
  /** newest backup that passed its check, offered to the editor; null when there is none */
  readonly latestBackup: string | null;

  constructor(dbPath: string, latestBackup: string | null, detail: string, cause?: unknown) {
    const offer = latestBackup ? `可以从最近的备份恢复：${latestBackup}` : '没有找到可用的备份。';
    super(
      'archive-corrupt',
      `档案库文件已损坏，无法打开（${dbPath}）。原文件不会被改动或覆盖。${offer}`,
      `The archive database ${dbPath} is damaged (${detail}); it was left untouched.` +
        (latestBackup ? ` Latest backup: ${latestBackup}` : ' No backup found.'),
      { cause },
    );
    this.name = 'ArchiveCorruptError';
    this.dbPath = dbPath;
    this.latestBackup = latestBackup;
  }
}

/** The database was written by a newer Weekly Desk; opening it here could damage it. */
export class ArchiveTooNewError extends UserFacingError {
  constructor(dbPath: string, found: number, supported: number) {
    super(
      'archive-too-new',
      `档案库由更新版本的周刊编辑台创建（数据版本 ${found}，本软件支持到 ${supported}），请升级软件后再打开。`,
      `The archive ${dbPath} has schema version ${found}; this build supports up to ${supported}. Upgrade the app.`,
    );
    this.name = 'ArchiveTooNewError';
  }
}

export function notFound(what: 'issue' | 'article' | 'column' | 'media', id: string): UserFacingError {
  const zh = { issue: '找不到这一期', article: '找不到这篇文章', column: '找不到这个栏目', media: '找不到这张图片' }[what];
  return new UserFacingError(`archive-${what}-not-found`, `${zh}（${id}）。`, `No ${what} ${id} in the archive`);
}
