// 设置: publisher details and QR codes for the back cover, page size, body face and 提要 length.
import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../../shared/api/contract';
import { errorMessage, getApi } from '../api/client';
import { useNotices } from '../common/Notices';
import { QrCodesField } from './QrCodesField';

const BODY_FONTS: ReadonlyArray<{ value: Settings['bodyFont']; label: string }> = [
  { value: 'serif', label: '宋体（思源宋体）' },
  { value: 'sans', label: '黑体（思源黑体）' },
];

export function SettingsScreen() {
  const notices = useNotices();
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    getApi()
      .settings.get({})
      .then(setSettings, (e: unknown) => notices.error(errorMessage(e)));
  }, [notices]);

  if (!settings) return <p className="muted pad">正在读取设置…</p>;
  const set = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const text = (key: 'publisher' | 'website' | 'address' | 'phone', label: string, placeholder: string) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} value={settings[key]} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} />
    </>
  );

  return (
    <form
      className="settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (settings.summaryMinChars >= settings.summaryMaxChars) {
          notices.error('提要的最短字数应小于最长字数。');
          return;
        }
        setSaving(true);
        getApi()
          .settings.set(settings)
          .then(
            (s) => {
              setSettings(s);
              notices.info('设置已保存。');
            },
            (e: unknown) => notices.error(errorMessage(e)),
          )
          .finally(() => setSaving(false));
      }}
    >
      <h1>设置</h1>
      <fieldset>
        <legend>出版单位与封底</legend>
        <div className="form-grid">
          {text('publisher', '出版单位', '北京先锋寰宇大健康管理有限公司')}
          {text('website', '网址', 'http://www.drugnet.com.cn')}
          {text('address', '地址', '北京市海淀区…')}
          {text('phone', '电话', '010-…')}
          <label htmlFor={`${id}-back`}>封底文字</label>
          <textarea id={`${id}-back`} rows={6} value={settings.backCover} placeholder={'扫一扫\n关注药城公众号'} onChange={(e) => set({ backCover: e.target.value })} />
          <span className="form-label">封底二维码</span>
          <QrCodesField value={settings.qrCodes} onChange={(qrCodes) => set({ qrCodes })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>版式</legend>
        <div className="form-grid">
          <label htmlFor={`${id}-size`}>纸张</label>
          <select id={`${id}-size`} value={settings.pageSize} onChange={(e) => set({ pageSize: e.target.value as Settings['pageSize'] })}>
            <option value="A4">A4（210×297 mm）</option>
            <option value="16K">16 开（185×260 mm）</option>
          </select>
          <span className="form-label" id={`${id}-body-font`}>正文字体</span>
          <div className="choice-group" role="radiogroup" aria-labelledby={`${id}-body-font`}>
            {BODY_FONTS.map((f) => (
              <label key={f.value} className="choice">
                <input type="radio" name={`${id}-body-font`} value={f.value} checked={settings.bodyFont === f.value} onChange={() => set({ bodyFont: f.value })} />
                <span className={`font-sample-${f.value}`}>{f.label}</span>
              </label>
            ))}
            <p className="muted small">正文、列表、表格、【提要】和目录条目用此字体，PDF 与 Word 导出一致；标题始终用思源黑体。字体随应用附带。</p>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>【提要】长度</legend>
        <div className="form-grid">
          <label htmlFor={`${id}-min`}>最短（字）</label>
          <input id={`${id}-min`} type="number" min={20} max={2000} value={settings.summaryMinChars} onChange={(e) => set({ summaryMinChars: Number(e.target.value) })} />
          <label htmlFor={`${id}-max`}>最长（字）</label>
          <input id={`${id}-max`} type="number" min={40} max={5000} value={settings.summaryMaxChars} onChange={(e) => set({ summaryMaxChars: Number(e.target.value) })} />
        </div>
      </fieldset>
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={saving}>
          保存设置
        </button>
      </div>
    </form>
  );
}
