// `npm start`: the desktop app on the bundled sample issue. Where the Electron binary could not
// be downloaded (offline machines, networks that block GitHub), say so in one line, name the
// fix (ELECTRON_MIRROR), and open the same app in the browser (`npm run web -- --sample`).
//   node scripts/start.mjs [--dry-run | --prepare] [extra args for the app]
//   --dry-run  print the plan as JSON; --prepare  run every step but the launch (tests use it)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

function electronVersion(env) {
  if (env.WEEKLY_DESK_ELECTRON_VERSION) return env.WEEKLY_DESK_ELECTRON_VERSION;
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * Where the better-sqlite3 addon built for this Electron lives. node_modules keeps the one built
 * for Node (tests, CLI, web mode); Electron's engine process loads this one instead.
 */
export function electronSqliteBinding(version) {
  return join(root, 'out', 'electron-native', version, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** What `npm start` will run, as data (printed by --dry-run, read by the tests). */
export function startPlan(args, env = process.env, exists = existsSync) {
  const electron = findElectron(env, exists);
  if (electron.path) {
    const version = electronVersion(env);
    const binding = version ? electronSqliteBinding(version) : null;
    return {
      mode: 'electron',
      notice: null,
      steps: [
        { kind: 'run', command: process.execPath, args: [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'] },
        ...(version ? [{ kind: 'native', electronVersion: version, binding }] : []),
        { kind: 'run', command: electron.path, args: ['.', '--sample', ...args], env: binding ? { WEEKLY_DESK_SQLITE_BINDING: binding } : {} },
      ],
    };
  }
  // Through npm when we were started by npm (works on every platform), else npm on the PATH.
  const npm = env.npm_execpath ? { command: process.execPath, args: [env.npm_execpath] } : { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
  return {
    mode: 'web',
    notice: fallbackNotice(electron.reason),
    steps: [{ kind: 'run', command: npm.command, args: [...npm.args, 'run', 'web', '--', '--sample', ...args] }],
  };
}

/**
 * Build better-sqlite3 for Electron's ABI once per Electron version, in a staging folder
 * (@electron/rebuild fetches a prebuilt addon or Electron's headers: it needs the network,
 * as the Electron download did). Failing here is reported and the app still starts.
 */
export async function prepareNative(step) {
  if (existsSync(step.binding)) return 0;
  const stage = join(root, 'out', 'electron-native', step.electronVersion);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  mkdirSync(stage, { recursive: true });
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'weekly-desk-electron-native', private: true, dependencies: { 'better-sqlite3': version } }));
  cpSync(source, join(stage, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (f) => !f.includes(`${join(source, 'build')}`) });
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: stage, electronVersion: step.electronVersion, onlyModules: ['better-sqlite3'], force: true });
  } catch (e) {
    process.stdout.write(`Weekly Desk: could not build better-sqlite3 for Electron ${step.electronVersion} (${e instanceof Error ? e.message : String(e)}); the archive will not open in the desktop app.\n`);
  }
  return 0;
}

function run(step, env) {
  if (step.kind === 'native') return prepareNative(step);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: root, stdio: 'inherit', env: { ...env, ...step.env }, shell: step.command.endsWith('.cmd') });
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
  const prepareOnly = argv.includes('--prepare');
  const plan = startPlan(argv.filter((a) => a !== '--dry-run' && a !== '--prepare'));
  if (dryRun) {
    process.stdout.write(`${JSON.stringify(plan)}\n`);
    return 0;
  }
  if (plan.notice && !prepareOnly) process.stdout.write(`${plan.notice}\n`);
  // Electron must not run as plain Node even if the caller's shell says so.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const steps = prepareOnly ? (plan.mode === 'electron' ? plan.steps.slice(0, -1) : []) : plan.steps;
  for (const step of steps) {
    const code = await run(step, env);
    if (code !== 0) return code;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((code) => process.exit(code));
}
