// Start `npm run web` (the real server, real engines, a throwaway archive) and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface WebApp {
  url: string;
  home: string;
  stop(): Promise<void>;
}

/** Spawns the web server and resolves with the URL it prints on its one line. */
export async function startWebApp(args: string[] = []): Promise<WebApp> {
  const home = mkdtempSync(join(tmpdir(), 'weekly-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--data', home, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, WEEKLY_DESK_HOME: home, WEEKLY_DESK_DEBUG: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  const log = createWriteStream(join(REPO_ROOT, 'test-results', 'web-server.log'));
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
    log.write(c);
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web server printed no URL in time; stderr:\n${stderr}`)), 170_000);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /^Weekly Desk: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with ${code}; stderr:\n${stderr}`));
    });
  });
  return {
    url,
    home,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
}

export interface AppSession {
  app: WebApp;
  browser: Browser;
  /** a 1440×900 zh-CN page, not yet navigated (add init scripts and listeners, then `page.goto(app.url)`) */
  page: Page;
  /** uncaught page errors, and console errors other than failed resource loads */
  pageErrors: string[];
  close(): Promise<void>;
}

/** The web app on a throwaway archive and a Chromium page for it; confirm() and beforeunload prompts are accepted. */
export async function openAppSession(args: string[] = []): Promise<AppSession> {
  const app = await startWebApp(args);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
  });
  page.on('dialog', (d) => void d.accept());
  return {
    app,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}
