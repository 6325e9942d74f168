// Electron security checklist, applied to every session and every webContents the app makes:
// no navigation, no new windows, no webviews, no permissions, no requests leaving the app.
// (The CSP travels with every app:// response, see appProtocol.ts.)
import type { Session, WebContents } from 'electron';
import { APP_SCHEME } from '../security/appOrigin';
import { decideLeave, permissionGranted } from '../security/navigation';

export type OpenExternal = (url: string) => void;
export type Log = (message: string) => void;

/** Schemes the app's window may load anything from. */
const LOADABLE_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

export function requestAllowed(url: string): boolean {
  try {
    return LOADABLE_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function hardenSession(session: Session, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    log(`permission request denied: ${permission} from ${details.requestingUrl}`);
    callback(permissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionGranted(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  // No remote content in the app's window: every request must stay inside the app.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url);
    if (!allowed) log(`blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents(contents: WebContents, openExternal: OpenExternal, log: Log): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideLeave(url);
    log(`window.open denied (${decision.reason}): ${url.slice(0, 200)}`);
    if (decision.openExternally) openExternal(decision.openExternally);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    const decision = decideLeave(url);
    log(`navigation blocked (${decision.reason}): ${url.slice(0, 200)}`);
    if (decision.openExternally) openExternal(decision.openExternally);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`redirect blocked: ${url.slice(0, 200)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview blocked');
  });
}
