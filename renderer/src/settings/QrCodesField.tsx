// 设置 → 封底二维码: images uploaded into the archive (`media:put`) with their captions; the PDF's
// back cover draws them in place of the placeholder frames.
import { useEffect, useState } from 'react';
import type { QrCode } from '../../../shared/model/issue';
import { errorMessage, getApi } from '../api/client';
import { bytesToBase64 } from '../common/base64';
import { useNotices } from '../common/Notices';
import { FilePickButton } from '../common/FilePickButton';

export const MAX_QR_CODES = 4;
const EMBEDDABLE = ['image/png', 'image/jpeg'] as const;
type Embeddable = (typeof EMBEDDABLE)[number];

function isEmbeddable(type: string): type is Embeddable {
  return (EMBEDDABLE as readonly string[]).includes(type);
}

/** data: URLs of stored images, for the previews */
function usePreviews(codes: QrCode[]): Record<string, string> {
  const [previews, setPreviews] = useState<Record<string, string>>({});
  useEffect(() => {
    let cancelled = false;
    for (const { image } of codes) {
      if (previews[image] || !image.startsWith('media:')) continue;
      void getApi()
        .media.get({ ref: image })
        .then(
          (m) => !cancelled && setPreviews((p) => ({ ...p, [image]: `data:${m.mimeType};base64,${m.data}` })),
          () => {}, // no preview: the frame stays empty, the caption still shows
        );
    }
    return () => {
      cancelled = true;
    };
  }, [codes, previews]);
  return previews;
}

export function QrCodesField({ value, onChange }: { value: QrCode[]; onChange: (next: QrCode[]) => void }) {
  const notices = useNotices();
  const [busy, setBusy] = useState(false);
  const previews = usePreviews(value);

  const add = async (file: File) => {
    if (!isEmbeddable(file.type)) {
      notices.error(`“${file.name}”不是 PNG 或 JPEG 图片，PDF 无法嵌入，请换一张。`);
      return;
    }
    setBusy(true);
    try {
      const { ref } = await getApi().media.put({ mimeType: file.type, data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
      onChange([...value, { image: ref, caption: '扫一扫\n' }]);
    } catch (e) {
      notices.error(`二维码图片未能保存：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="qr-codes">
      <ol className="qr-list" aria-label="封底二维码">
        {value.map((code, k) => (
          <li key={`${code.image}-${k}`} className="qr-item">
            <div className="qr-frame">{previews[code.image] && <img src={previews[code.image]} alt={`二维码 ${k + 1}`} />}</div>
            <textarea
              rows={2}
              aria-label={`二维码 ${k + 1} 的说明`}
              value={code.caption}
              placeholder={'扫一扫\n关注药城公众号'}
              onChange={(e) => onChange(value.map((c, i) => (i === k ? { ...c, caption: e.target.value } : c)))}
            />
            <button type="button" className="quiet small" aria-label={`删除二维码 ${k + 1}`} onClick={() => onChange(value.filter((_, i) => i !== k))}>
              删除
            </button>
          </li>
        ))}
      </ol>
      <FilePickButton accept="image/png,image/jpeg" inputLabel="选择二维码图片" disabled={busy || value.length >= MAX_QR_CODES} onFile={(file) => void add(file)}>
        {busy ? '正在上传…' : '添加二维码'}
      </FilePickButton>
      <p className="muted small">最多 {MAX_QR_CODES} 个，PNG 或 JPEG。设置了图片后，封底按这里的说明排在二维码下方，封底文字里的“扫一扫”段落不再重复。</p>
    </div>
  );
}
