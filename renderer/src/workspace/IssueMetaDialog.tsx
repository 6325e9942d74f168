// 期刊信息: the issue's 系列, 刊名, 副标题, week (期号 and the Monday–Sunday 日期范围 follow it unless
// written by hand), 标签, 阅读提醒, 封底文字 and its own back-cover QR codes (or those in 设置).
// Saving hands the metadata to the workspace, whose autosave stores it with the rest of the issue.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { IssueMeta, QrCode } from '../../../shared/model/issue';
import { DEFAULT_READING_NOTE } from '../../../shared/model/issue';
import { followsWeek, issueMetaProblems, withIsoWeek, type IssueMetaField } from '../../../shared/model/issueMeta';
import { getApi } from '../api/client';
import { ConfirmDialog, Dialog } from '../common/Dialog';
import { QrCodesField } from '../settings/QrCodesField';
import { TagsField, type TagsFieldHandle } from './TagsField';

type Problems = Partial<Record<IssueMetaField, string>>;

/** Fields in the order they show, for focusing the first one that needs a fix. */
const FIELD_ORDER: IssueMetaField[] = ['series', 'title', 'subtitle', 'isoWeek', 'issueNumber', 'dateRange', 'tags', 'readingNote', 'backCover', 'qrCodes'];

function tidy(meta: IssueMeta): IssueMeta {
  return {
    ...meta,
    series: meta.series.trim(),
    title: meta.title.trim(),
    subtitle: meta.subtitle.trim(),
    isoWeek: meta.isoWeek.trim(),
    issueNumber: meta.issueNumber.trim(),
    dateRange: meta.dateRange.trim(),
  };
}

export function IssueMetaDialog({ meta, onSave, onClose }: { meta: IssueMeta; onSave: (meta: IssueMeta) => void; onClose: () => void }) {
  const id = useId();
  const fieldId = (f: IssueMetaField): string => `${id}-${f}`;
  const [draft, setDraft] = useState<IssueMeta>(meta);
  const [problems, setProblems] = useState<Problems>({});
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [settingsCodes, setSettingsCodes] = useState<QrCode[] | null>(null);
  /** the issue's own codes while 使用设置中的二维码 is ticked, so unticking brings them back */
  const ownCodes = useRef<QrCode[] | null>(meta.qrCodes ?? null);
  const tags = useRef<TagsFieldHandle>(null);
  const titleInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let cancelled = false;
    getApi()
      .settings.get({})
      .then(
        (s) => !cancelled && setSettingsCodes(s.qrCodes),
        () => !cancelled && setSettingsCodes([]),
      );
    return () => {
      cancelled = true;
    };
  }, []);

  // The native dialog focuses its first control (the close button) when it opens; start at 刊名.
  useEffect(() => {
    const frame = requestAnimationFrame(() => titleInput.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const dirty = JSON.stringify(tidy(draft)) !== JSON.stringify(tidy(meta));
  const requestClose = (): void => (dirty ? setConfirmDiscard(true) : onClose());

  const set = (patch: Partial<IssueMeta>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    const fixed = Object.keys(patch) as IssueMetaField[];
    if (fixed.some((f) => problems[f])) setProblems((p) => Object.fromEntries(Object.entries(p).filter(([f]) => !fixed.includes(f as IssueMetaField))));
  };

  const changeWeek = (isoWeek: string): void => {
    try {
      const moved = withIsoWeek(draft, isoWeek);
      set({ isoWeek: moved.isoWeek, issueNumber: moved.issueNumber, dateRange: moved.dateRange });
    } catch {
      set({ isoWeek }); // half-typed or a week that does not exist: checked on save
    }
  };

  /** 期号 and 日期范围 written anew from the week, replacing hand-written ones */
  const refillFromWeek = (): void => {
    try {
      const moved = withIsoWeek(draft, draft.isoWeek, true);
      set({ issueNumber: moved.issueNumber, dateRange: moved.dateRange });
    } catch {
      // a week that does not exist: reported on save
    }
  };

  const follows = followsWeek(draft);
  const weekValid = !issueMetaProblems(draft).isoWeek;

  const save = (): void => {
    const withTags = tags.current?.commit();
    if (withTags === null) {
      document.getElementById(fieldId('tags'))?.focus();
      return;
    }
    const next = tidy({ ...draft, ...(withTags ? { tags: withTags } : {}) });
    const found = issueMetaProblems(next);
    setProblems(found);
    setDraft(next);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    // nothing changed: no save of the whole issue
    if (JSON.stringify(next) === JSON.stringify(tidy(meta))) onClose();
    else onSave(next);
  };

  const field = (f: IssueMetaField, label: string, control: ReactNode, hint?: ReactNode): ReactNode => (
    <>
      <label htmlFor={fieldId(f)}>{label}</label>
      <div className="meta-control">
        {control}
        {hint}
        {problems[f] && (
          <p id={`${fieldId(f)}-error`} className="field-error small" role="alert">
            {problems[f]}
          </p>
        )}
      </div>
    </>
  );
  const invalid = (f: IssueMetaField) => (problems[f] ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(f)}-error` } : {});
  const text = (f: 'series' | 'title' | 'subtitle' | 'issueNumber' | 'dateRange', label: string, placeholder: string) =>
    field(
      f,
      label,
      <input
        id={fieldId(f)}
        ref={f === 'title' ? titleInput : undefined}
        value={draft[f]}
        placeholder={placeholder}
        required={f === 'title' || f === 'issueNumber'}
        onChange={(e) => set({ [f]: e.target.value })}
        {...invalid(f)}
      />,
    );

  const usingSettings = draft.qrCodes === undefined;
  const formId = `${id}-form`;

  return (
    <>
      <Dialog
        title="期刊信息"
        wide
        onClose={requestClose}
        footer={
          <>
            {Object.keys(problems).length > 0 && <span className="footer-note field-error">请先改正标红的项目。</span>}
            <button type="button" onClick={requestClose}>
              取消
            </button>
            <button type="submit" form={formId} className="primary">
              保存
            </button>
          </>
        }
      >
        <form
          id={formId}
          className="issue-meta-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div className="form-grid">
            {text('series', '系列', '医药先锋系列之')}
            {text('title', '刊名', '医周药事')}
            {text('subtitle', '副标题', 'Medical weekly pharmacy')}
            {field(
              'isoWeek',
              '周次',
              <input id={fieldId('isoWeek')} type="week" value={draft.isoWeek} onChange={(e) => changeWeek(e.target.value)} {...invalid('isoWeek')} />,
              <p className="muted small">
                期号和日期范围（周一至周日）随周次更新，也可手动修改。
                {weekValid && (!follows.issueNumber || !follows.dateRange) && (
                  <button type="button" className="link-button" onClick={refillFromWeek}>
                    按周次重填
                  </button>
                )}
              </p>,
            )}
            {text('issueNumber', '期号', '2024年第47期')}
            {text('dateRange', '日期范围', '2024.11.18-2024.11.24')}
            {field('tags', '标签', <TagsField ref={tags} id={fieldId('tags')} value={draft.tags} onChange={(t) => set({ tags: t })} invalid={!!problems.tags} />)}
          </div>
          <div className="form-grid">
            {field(
              'readingNote',
              '阅读提醒',
              <textarea id={fieldId('readingNote')} rows={3} value={draft.readingNote} placeholder={DEFAULT_READING_NOTE} onChange={(e) => set({ readingNote: e.target.value })} {...invalid('readingNote')} />,
              <p className="muted small">印在本期视点页首；留空时用默认的阅读提醒。</p>,
            )}
            {field(
              'backCover',
              '封底文字',
              <textarea id={fieldId('backCover')} rows={5} value={draft.backCover} placeholder={'扫一扫\n关注药城公众号'} onChange={(e) => set({ backCover: e.target.value })} {...invalid('backCover')} />,
            )}
            <span className="form-label">封底二维码</span>
            <div className="meta-control" id={fieldId('qrCodes')} tabIndex={-1}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={usingSettings}
                  onChange={(e) => {
                    if (e.target.checked) {
                      ownCodes.current = draft.qrCodes ?? null;
                      set({ qrCodes: undefined });
                    } else set({ qrCodes: ownCodes.current ?? [...(settingsCodes ?? [])] });
                  }}
                />
                <span>使用设置中的二维码</span>
              </label>
              {usingSettings ? (
                <p className="muted small">
                  {settingsCodes === null ? '正在读取设置…' : settingsCodes.length === 0 ? '设置中还没有二维码，封底留出二维码位置。' : `设置中有 ${settingsCodes.length} 个二维码。取消勾选可为本期单独设置。`}
                </p>
              ) : (
                <QrCodesField value={draft.qrCodes ?? []} onChange={(qrCodes) => set({ qrCodes })} />
              )}
              {problems.qrCodes && (
                <p className="field-error small" role="alert">
                  {problems.qrCodes}
                </p>
              )}
            </div>
          </div>
        </form>
      </Dialog>
      {/* outside the dialog: its Esc must not reach the form dialog's own cancel handler */}
      {confirmDiscard && (
        <ConfirmDialog
          title="放弃修改"
          message="期刊信息有未保存的修改，关闭后这些修改会丢失。确定放弃吗？"
          confirmLabel="放弃修改"
          onAnswer={(ok) => {
            setConfirmDiscard(false);
            if (ok) onClose();
          }}
        />
      )}
    </>
  );
}
