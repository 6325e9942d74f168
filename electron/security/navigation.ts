// What happens when the page tries to leave: nothing loads in the app's window but the app,
// no new windows open, and http(s) links are handed to the system browser after a check.
import { isAppUrl } from './appOrigin';
import { checkExternalUrl } from './externalLinks';

export type LeaveDecision = { action: 'deny'; openExternally: string | null; reason: string };

/** For `will-navigate`, `will-redirect` and `setWindowOpenHandler`: always deny in-app. */
export function decideLeave(url: string): LeaveDecision {
  if (isAppUrl(url)) return { action: 'deny', openExternally: null, reason: 'in-app navigation is done by the renderer, not by loading pages' };
  const check = checkExternalUrl(url);
  if (check.ok) return { action: 'deny', openExternally: check.url, reason: 'external link: system browser' };
  return { action: 'deny', openExternally: null, reason: check.reason };
}

/** Permission requests (camera, notifications, clipboard-read, …): none is granted. */
export function permissionGranted(_permission: string, _requestingUrl: string): false {
  return false;
}

/** IPC is answered only for the app's own top frame, never for a frame of other content. */
export function isTrustedIpcSender(frameUrl: string | undefined | null, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
