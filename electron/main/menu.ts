// The application menu (文件 编辑 视图 帮助), as a pure template so tests read its labels and
// shortcuts without Electron. Clicks become shell commands the renderer acts on.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../preload/channels';

export interface RecentIssue {
  id: string;
  label: string;
}

export interface MenuActions {
  command(command: ShellCommand): void;
  openIssueFile(): void;
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: RecentIssue[];
  /** show 重新加载 and 开发者工具 (never in a packaged build) */
  developer: boolean;
}

export const MAX_RECENT = 8;

export const SHORTCUTS = {
  newIssue: 'CmdOrCtrl+N',
  openFile: 'CmdOrCtrl+O',
  importClippings: 'CmdOrCtrl+I',
  issueMeta: 'CmdOrCtrl+Shift+M',
  exportPdf: 'CmdOrCtrl+E',
  exportDocx: 'CmdOrCtrl+Shift+E',
  search: 'CmdOrCtrl+F',
  settings: 'CmdOrCtrl+,',
} as const;

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const send = (command: ShellCommand) => () => actions.command(command);

  const recent: MenuItemConstructorOptions[] = options.recent.length
    ? options.recent.slice(0, MAX_RECENT).map((r) => ({ label: r.label, click: send({ name: 'issue:open', issueId: r.id }) }))
    : [{ label: '（暂无）', enabled: false }];

  const settings: MenuItemConstructorOptions = { label: '设置…', accelerator: SHORTCUTS.settings, click: send({ name: 'settings:open' }) };
  const about: MenuItemConstructorOptions = { label: '关于周刊编辑台', click: () => actions.about() };

  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '新建期刊', accelerator: SHORTCUTS.newIssue, click: send({ name: 'issue:new' }) },
      { label: '打开期刊文件…', accelerator: SHORTCUTS.openFile, click: () => actions.openIssueFile() },
      { label: '最近的期刊', submenu: recent },
      { type: 'separator' },
      { label: '期刊信息…', accelerator: SHORTCUTS.issueMeta, click: send({ name: 'issue:meta' }) },
      { label: '导入剪报', accelerator: SHORTCUTS.importClippings, click: send({ name: 'import:clippings' }) },
      { label: '导出 PDF', accelerator: SHORTCUTS.exportPdf, click: send({ name: 'export:pdf' }) },
      { label: '导出 Word', accelerator: SHORTCUTS.exportDocx, click: send({ name: 'export:docx' }) },
      ...(mac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      mac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '粘贴为纯文本', role: 'pasteAndMatchStyle' },
      { label: '全选', role: 'selectAll' },
      { type: 'separator' },
      { label: '搜索', accelerator: SHORTCUTS.search, click: send({ name: 'search:open' }) },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      { type: 'separator' },
      { label: '全屏', role: 'togglefullscreen' },
      ...(options.developer
        ? [{ type: 'separator' } as const, { label: '重新加载', role: 'reload' } as const, { label: '开发者工具', role: 'toggleDevTools' } as const]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = { label: '帮助', role: 'help', submenu: [about] };

  const template: MenuItemConstructorOptions[] = [file, edit, view, help];
  if (mac) {
    template.unshift({
      label: '周刊编辑台',
      submenu: [
        about,
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { label: '隐藏周刊编辑台', role: 'hide' },
        { label: '隐藏其他', role: 'hideOthers' },
        { label: '全部显示', role: 'unhide' },
        { type: 'separator' },
        { label: '退出周刊编辑台', role: 'quit' },
      ],
    });
  }
  return template;
}

/** The few most recently edited issues, as menu items. */
export function recentIssues(list: Array<{ id: string; issueNumber: string; title: string; updatedAt: string }>): RecentIssue[] {
  return [...list]
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, MAX_RECENT)
    .map((i) => ({ id: i.id, label: `${i.title} ${i.issueNumber}`.trim() }));
}
