import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, MAX_RECENT, recentIssues } from '../../../../electron/main/menu';

function actions() {
  return { command: vi.fn(), openIssueFile: vi.fn(), about: vi.fn() };
}

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return menu.submenu as MenuItemConstructorOptions[];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const top of template) {
    for (const item of items(top) ?? []) {
      if (item.label === label) return item;
      if (Array.isArray(item.submenu)) for (const sub of item.submenu as MenuItemConstructorOptions[]) if (sub.label === label) return sub;
    }
  }
  throw new Error(`no menu item ${label}`);
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('application menu', () => {
  it('has 文件 编辑 视图 帮助 on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const t = buildMenuTemplate({ platform, recent: [], developer: false }, actions());
      expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    }
  });

  it('puts the app menu first on macOS', () => {
    const t = buildMenuTemplate({ platform: 'darwin', recent: [], developer: false }, actions());
    expect(t.map((m) => m.label)).toEqual(['周刊编辑台', '文件', '编辑', '视图', '帮助']);
    expect(items(t[0]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('binds the shortcuts of issue #7', () => {
    const t = buildMenuTemplate({ platform: 'linux', recent: [], developer: false }, actions());
    expect(find(t, '新建期刊').accelerator).toBe('CmdOrCtrl+N');
    expect(find(t, '导入剪报').accelerator).toBe('CmdOrCtrl+I');
    expect(find(t, '导出 PDF').accelerator).toBe('CmdOrCtrl+E');
    expect(find(t, '搜索').accelerator).toBe('CmdOrCtrl+F');
    expect(find(t, '导出 Word').accelerator).toBe('CmdOrCtrl+Shift+E');
    expect(find(t, '打开期刊文件…').accelerator).toBe('CmdOrCtrl+O');
    const accelerators = t.flatMap((m) => items(m)).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('turns clicks into shell commands for the window', () => {
    const a = actions();
    const t = buildMenuTemplate({ platform: 'win32', recent: [{ id: '2024-W47', label: '医周药事 2024年第47期' }], developer: false }, a);
    click(find(t, '新建期刊'));
    click(find(t, '期刊信息…'));
    click(find(t, '导入剪报'));
    click(find(t, '导出 PDF'));
    click(find(t, '导出 Word'));
    click(find(t, '搜索'));
    click(find(t, '设置…'));
    click(find(t, '医周药事 2024年第47期'));
    expect(a.command.mock.calls.map((c) => c[0])).toEqual([
      { name: 'issue:new' },
      { name: 'issue:meta' },
      { name: 'import:clippings' },
      { name: 'export:pdf' },
      { name: 'export:docx' },
      { name: 'search:open' },
      { name: 'settings:open' },
      { name: 'issue:open', issueId: '2024-W47' },
    ]);
    click(find(t, '打开期刊文件…'));
    click(find(t, '关于周刊编辑台'));
    expect(a.openIssueFile).toHaveBeenCalledOnce();
    expect(a.about).toHaveBeenCalledOnce();
  });

  it('keeps editing to native roles with Chinese labels', () => {
    const t = buildMenuTemplate({ platform: 'linux', recent: [], developer: false }, actions());
    const edit = items(t[1]).filter((i) => i.role).map((i) => [i.label, i.role]);
    expect(edit).toEqual([
      ['撤销', 'undo'],
      ['重做', 'redo'],
      ['剪切', 'cut'],
      ['复制', 'copy'],
      ['粘贴', 'paste'],
      ['粘贴为纯文本', 'pasteAndMatchStyle'],
      ['全选', 'selectAll'],
    ]);
  });

  it('shows developer tools only in development', () => {
    const roles = (developer: boolean) => items(buildMenuTemplate({ platform: 'linux', recent: [], developer }, actions())[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('says when there are no recent issues', () => {
    const t = buildMenuTemplate({ platform: 'linux', recent: [], developer: false }, actions());
    const recent = find(t, '最近的期刊').submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: '（暂无）', enabled: false }]);
  });
});

describe('recentIssues', () => {
  it('lists the most recently edited first, at most MAX_RECENT', () => {
    const list = Array.from({ length: 12 }, (_, i) => ({
      id: `2024-W${String(i + 30)}`,
      issueNumber: `2024年第${i + 30}期`,
      title: '医周药事',
      updatedAt: `2024-11-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
    }));
    const recent = recentIssues(list);
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toEqual({ id: '2024-W41', label: '医周药事 2024年第41期' });
    expect(recent.at(-1)!.id).toBe('2024-W34');
  });
});
