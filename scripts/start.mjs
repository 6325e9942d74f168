// `npm start`: the desktop app on the bundled sample issue. Where the Electron binary could not
// be downloaded (offline machines, networks that block GitHub), say so in one line, name the
// fix (ELECTRON_MIRROR), and open the same app in the browser (`npm run web -- --sample`).
//   node scripts/start.mjs [--dry-run] [extra args for the app]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
export const MIRROR_EXAMPLE = 'https://npmmirror.com/mirrors/electron/';

/**
 * The Electron executable, found the way the `electron` package finds it but without its
 * download-on-require fallback (which would hang offline).
 */
export function findElectron(env = process.env, exists = existsSync) {
  if (env.WEEKLY_DESK_ELECTRON) {
    return exists(env.WEEKLY_DESK_ELECTRON) ? { path: env.WEEKLY_DESK_ELECTRON } : { path: null, reason: `WEEKLY_DESK_ELECTRON names a missing file: ${env.WEEKLY_DESK_ELECTRON}` };
  }
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'node_modules/electron is missing, its download failed during npm install' };
  }
  const pathFile = join(dir, 'path.txt');
  if (!exists(pathFile)) return { path: null, reason: 'node_modules/electron has no binary, its download failed' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(dir, 'dist', relative);
  return exists(binary) ? { path: binary } : { path: null, reason: `no Electron binary at ${binary}` };
}

export function fallbackNotice(reason) {
  return `Weekly Desk: the Electron binary could not be downloaded (${reason}); set ELECTRON_MIRROR (e.g. ELECTRON_MIRROR=${MIRROR_EXAMPLE}) and run npm install again for the desktop app. Opening the browser version instead (npm run web -- --sample).`;
}

/** What `npm start` will run, as data (printed by --dry-run, read by the tests). */
export function startPlan(args, env = process.env, exists = existsSync) {
  const electron = findElectron(env, exists);
  if (electron.path) {
    return {
      mode: 'electron',
      notice: null,
      steps: [
        { command: process.execPath, args: [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'] },
        { command: electron.path, args: ['.', '--sample', ...args] },
      ],
    };
  }
  // Through npm when we were started by npm (works on every platform), else npm on the PATH.
  const npm = env.npm_execpath ? { command: process.execPath, args: [env.npm_execpath] } : { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
  return {
    mode: 'web',
    notice: fallbackNotice(electron.reason),
    steps: [{ command: npm.command, args: [...npm.args, 'run', 'web', '--', '--sample', ...args] }],
  };
}

function run(step, env) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: root, stdio: 'inherit', env, shell: step.command.endsWith('.cmd') });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (e) => {
      process.stderr.write(`Weekly Desk: could not run ${step.command}: ${e.message}\n`);
      resolve(1);
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const dryRun = argv.includes('--dry-run');
  const plan = startPlan(argv.filter((a) => a !== '--dry-run'));
  if (dryRun) {
    process.stdout.write(`${JSON.stringify(plan)}\n`);
    return 0;
  }
  if (plan.notice) process.stdout.write(`${plan.notice}\n`);
  // Electron must not run as plain Node even if the caller's shell says so.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  for (const step of plan.steps) {
    const code = await run(step, env);
    if (code !== 0) return code;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((code) => process.exit(code));
}
