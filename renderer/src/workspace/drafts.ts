// A local copy of an issue whose last edits had not reached the engine when the page went away
// (closed tab, crash of the local server). Restored on the next open, then saved and dropped.
import { issueSchema, type Issue } from '../../../shared/model/issue';

const PREFIX = 'weekly-desk-draft:';

export function keepDraft(storage: Storage, issue: Issue): boolean {
  try {
    storage.setItem(PREFIX + issue.id, JSON.stringify(issue));
    return true;
  } catch {
    return false; // quota: the beforeunload prompt still warns the editor
  }
}

export function takeDraft(storage: Storage, issueId: string): Issue | null {
  const text = storage.getItem(PREFIX + issueId);
  if (!text) return null;
  try {
    const parsed = issueSchema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.id === issueId) return parsed.data;
  } catch {
    // unreadable: dropped below
  }
  storage.removeItem(PREFIX + issueId);
  return null;
}

export function dropDraft(storage: Storage, issueId: string): void {
  storage.removeItem(PREFIX + issueId);
}
