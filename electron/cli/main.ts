// `weekly <command> …` — each command lives in ./commands/<name>.ts and exports `run(args): Promise<number>`.
import { describeError, isUserFacingError } from '../../shared/errors';

const COMMANDS: Record<string, string> = {
  build: 'lay out an issue manifest and write issue.pdf / issue.docx / issue.json',
  import: 'import one clipping (file or URL) and print what it produced',
  archive: 'the archive: add, list, search, export, backup',
};

function usage(): string {
  return ['usage: weekly <command> [options]', '', ...Object.entries(COMMANDS).map(([n, d]) => `  ${n.padEnd(8)} ${d}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  if (!(name in COMMANDS)) {
    console.error(`weekly: unknown command "${name}"\n${usage()}`);
    return 1;
  }
  let mod: { run: (args: string[]) => Promise<number> };
  try {
    mod = await import(`./commands/${name}.ts`);
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
