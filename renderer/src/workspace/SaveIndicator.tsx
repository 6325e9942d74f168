// Autosave state next to the issue title.
import type { SaveState } from './autosave';

export function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? state.at
        ? `已保存 ${state.at.toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' })}`
        : '已保存'
      : state.kind === 'pending'
        ? '有未保存的修改'
        : state.kind === 'saving'
          ? '正在保存…'
          : state.messageZh;
  return (
    <span className={`save-indicator save-${state.kind}`} role={state.kind === 'failed' ? 'alert' : 'status'} aria-label="保存状态">
      {text}
    </span>
  );
}
