// `weekly <command> …` — each command lives in ./commands/<name>.ts and exports `run(args): Promise<number>`.
// Commands load lazily through a static map: a bundler can follow each import(), and `weekly build`
// never loads the archive's SQLite (nor `import` the PDF engine).
import { setFlagsFromString } from 'node:v8';
import { describeError, isUserFacingError } from '../../shared/errors';
import { markCpuTimes } from '../engine/build/cpuLoad';

// How idle the cores are from here to the moment `weekly build` decides on import workers.
markCpuTimes();

// A command runs for seconds, mostly through code that runs a few times (jsdom, Readability, DOMPurify,
// Lexical, pdfkit on one issue): V8's optimising compiler spends more CPU compiling it in the background
// than its code saves before the process ends (a 4× issue still builds faster without it), and that CPU
// is the second core's. WEEKLY_V8_OPT=1 keeps the optimiser on. (The bundle's loader, out/cli/loader.mjs,
// sets the same flags before it compiles the bundle: V8 refuses a code cache made under other flags.)
if (process.env.WEEKLY_V8_OPT !== '1') setFlagsFromString('--no-opt');

type CommandModule = { run: (args: string[]) => Promise<number> };

interface Command {
  describe: string;
  load: () => Promise<CommandModule>;
}

const COMMANDS: Record<string, Command> = {
  build: { describe: 'lay out an issue manifest and write issue.pdf / issue.docx / issue.json', load: () => import('./commands/build') },
  import: { describe: 'import one clipping (file or URL) and print what it produced', load: () => import('./commands/import') },
  archive: { describe: 'the archive: add, list, search, export, backup', load: () => import('./commands/archive') },
};

function usage(): string {
  return ['usage: weekly <command> [options]', '', ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(8)} ${c.describe}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`weekly: unknown command "${name}"\n${usage()}`);
    return 1;
  }
  let mod: CommandModule;
  try {
    mod = await command.load();
  } catch (e) {
    console.error(`weekly: command "${name}" is not available in this build (${describeError(e)})`);
    return 1;
  }
  return mod.run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // One clear line, no stack trace, for anything a command did not handle itself.
    console.error(`weekly: ${isUserFacingError(e) ? `${e.message} (${e.messageZh})` : describeError(e)}`);
    process.exit(1);
  },
);
