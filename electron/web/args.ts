// Command line of `npm run web`.
export interface WebArgs {
  sample: boolean;
  port: number;
  /** folder of the SQLite archive; undefined = the archive's default; null = memory only */
  dataDir: string | null | undefined;
  rebuild: boolean;
  help: boolean;
}

export const WEB_USAGE = `Usage: npm run web -- [--sample] [--port N] [--data DIR | --memory] [--rebuild]
  --sample    open the bundled sample issue
  --port N    listen on this port (default: a random free port)
  --data DIR  keep the archive in DIR (default: $WEEKLY_DESK_HOME or ~/.config/weekly-desk)
  --memory    keep issues in memory only (nothing is written to disk)
  --rebuild   rebuild the renderer even if it looks up to date`;

export function parseWebArgs(argv: string[]): WebArgs {
  const args: WebArgs = { sample: false, port: 0, dataDir: undefined, rebuild: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sample') args.sample = true;
    else if (a === '--rebuild') args.rebuild = true;
    else if (a === '--memory') args.dataDir = null;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--port' || a === '--data') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      if (a === '--port') {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${value}`);
        args.port = port;
      } else args.dataDir = value;
    } else throw new Error(`Unknown option: ${a}`);
  }
  return args;
}
