import { describe, expect, it } from 'vitest';
import { emptyEditorState } from '../../../shared/content/lexicalJson';
import type { Issue } from '../../../shared/model/issue';
import { dropDraft, keepDraft, takeDraft } from '../../../renderer/src/workspace/drafts';
import { issueMeta2024W47 } from '../../helpers/model';
import { memoryStorage as storage } from '../../helpers/storage';

const issue: Issue = {
  id: '2024-W47',
  meta: issueMeta2024W47(),
  columns: [{ id: 'c1', name: '专家观点', articles: [{ id: 'a1', title: '标题', source: '', author: null, url: null, clippedAt: null, content: emptyEditorState(), summary: '未保存的提要', summaryEdited: true }] }],
};

describe('drafts', () => {
  it('keeps and restores an issue with unsaved edits, per issue id', () => {
    const s = storage();
    expect(keepDraft(s, issue)).toBe(true);
    expect(takeDraft(s, 'other')).toBeNull();
    expect(takeDraft(s, '2024-W47')?.columns[0].articles[0].summary).toBe('未保存的提要');
    dropDraft(s, '2024-W47');
    expect(takeDraft(s, '2024-W47')).toBeNull();
  });

  it('drops a draft it cannot read instead of failing to open the issue', () => {
    const s = storage();
    s.setItem('weekly-desk-draft:2024-W47', '{"id":"2024-W47"');
    expect(takeDraft(s, '2024-W47')).toBeNull();
    expect(s.length).toBe(0);
    s.setItem('weekly-desk-draft:2024-W47', JSON.stringify({ ...issue, id: 'elsewhere' }));
    expect(takeDraft(s, '2024-W47')).toBeNull();
  });

  it('reports a full storage rather than throwing while the page unloads', () => {
    expect(keepDraft(storage(10), issue)).toBe(false);
  });
});
