// 标签 as chips: Enter (or a comma, 、) adds what is typed, × or Backspace in an empty box removes.
// Enter here never submits the surrounding form.
import { useImperativeHandle, useState, type Ref } from 'react';
import { splitTags, tagProblems } from '../../../shared/model/issueMeta';

export interface TagsFieldHandle {
  /** tags with whatever is still typed in the box added (so Save never drops it); null when it cannot be added */
  commit: () => string[] | null;
}

export function TagsField({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  ref,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
  ref?: Ref<TagsFieldHandle>;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  /** `value` plus the typed tags, or a reason they cannot join */
  const withTyped = (typed: string): { tags: string[]; problem: string | null } => {
    let tags = value;
    for (const tag of splitTags(typed)) {
      const p = tagProblems(tags, tag);
      if (p) return { tags, problem: p };
      tags = [...tags, tag.trim()];
    }
    return { tags, problem: null };
  };

  const add = (): void => {
    if (text.trim() === '') return;
    const r = withTyped(text);
    setProblem(r.problem);
    if (r.tags !== value) onChange(r.tags);
    if (!r.problem) setText('');
  };

  useImperativeHandle(ref, () => ({
    commit: () => {
      const r = withTyped(text);
      setProblem(r.problem);
      if (r.problem) return null;
      setText('');
      return r.tags;
    },
  }));

  const problemId = `${id}-problem`;
  return (
    <div className={`tags-field${invalid || problem ? ' invalid' : ''}`}>
      <ul className="tag-chips" aria-label="本期标签">
        {value.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>{tag}</span>
            <button type="button" className="tag-remove" aria-label={`删除标签“${tag}”`} onClick={() => onChange(value.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={text}
        placeholder={value.length === 0 ? '输入标签后按回车，例如 医保' : '添加标签，回车确认'}
        aria-invalid={invalid || problem ? true : undefined}
        aria-describedby={[problem ? problemId : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          const next = e.target.value;
          // a typed separator adds the tag before it
          if (/[,，、;；]$/.test(next)) {
            setText(next);
            const r = withTyped(next);
            setProblem(r.problem);
            if (r.tags !== value) onChange(r.tags);
            if (!r.problem) setText('');
            return;
          }
          setText(next);
          if (problem) setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            // Enter adds the tag; it must not submit the dialog's form
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
            e.preventDefault();
            onChange(value.slice(0, -1));
          }
        }}
      />
      {problem && (
        <p id={problemId} className="field-error small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
