// The preload's allow-list: exactly the contract's channels, written out so the sandboxed
// preload bundles no zod. The type below fails to compile if a contract channel is missing
// here, and tests compare the list with shared/api's CHANNELS.
import type { Channel } from '../../shared/api/contract';

export const INVOKE_CHANNELS = [
  'issues:list',
  'issues:get',
  'issues:create',
  'issues:save',
  'issues:saveMeta',
  'issues:remove',
  'issues:columnNames',
  'issues:viewpoint',
  'issues:viewpointDraft',
  'issues:importWeekly',
  'issues:exportWeekly',
  'articles:save',
  'articles:summarize',
  'import:files',
  'import:html',
  'import:url',
  'export:pdf',
  'export:docx',
  'export:status',
  'export:result',
  'media:put',
  'media:get',
  'search:query',
  'settings:get',
  'settings:set',
  'layout:metrics',
  'app:startup',
] as const satisfies readonly Channel[];

type Missing = Exclude<Channel, (typeof INVOKE_CHANNELS)[number]>;
// If this line fails to compile, a contract channel is missing from INVOKE_CHANNELS.
const _everyChannelListed: [Missing] extends [never] ? true : Missing = true;
void _everyChannelListed;

/** Main → renderer: menu commands and files opened from the OS (one closed set). */
export const SHELL_EVENT_CHANNEL = 'shell:command';

export const SHELL_COMMANDS = ['issue:new', 'issue:open', 'issue:meta', 'import:clippings', 'export:pdf', 'export:docx', 'search:open', 'settings:open'] as const;
export type ShellCommandName = (typeof SHELL_COMMANDS)[number];
/** `issue:open` carries the issue id; the others carry nothing. */
export type ShellCommand = { name: Exclude<ShellCommandName, 'issue:open'> } | { name: 'issue:open'; issueId: string };

/** Renderer → main, fire and forget: `.weekly` files dropped on the window (their paths). */
export const OPEN_FILE_CHANNEL = 'shell:openFile';

const CHANNEL_PATTERN = /^[a-z]+:[A-Za-z]+$/;

export function isInvokeChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && CHANNEL_PATTERN.test(channel) && (INVOKE_CHANNELS as readonly string[]).includes(channel);
}

export function isShellCommand(value: unknown): value is ShellCommand {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { name?: unknown; issueId?: unknown };
  if (!(SHELL_COMMANDS as readonly unknown[]).includes(v.name)) return false;
  if (v.name === 'issue:open') return typeof v.issueId === 'string' && v.issueId.length > 0 && v.issueId.length <= 200;
  return true;
}
