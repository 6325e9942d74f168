// One entry point for every transport: check the channel is in the contract, validate the
// input with its schema, run the handler, validate the output, and turn failures into a
// Chinese message for the editor (English goes to the log).
import { z } from 'zod';
import { isChannel, specOf, splitChannel, type ApiError, type WeeklyDeskHandlers } from '../../../shared/api/contract';
import { describeError, isUserFacingError } from '../../../shared/errors';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiError };

export type Dispatch = (channel: string, input: unknown) => Promise<DispatchResult>;

function zodMessageZh(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? `（${first.path.join('.')}）` : '';
  return `请求内容有误${where}：${first?.message ?? '格式不对'}`;
}

export function createDispatch(handlers: WeeklyDeskHandlers, log: (message: string) => void = () => {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown-channel', messageZh: `不支持的操作：${channel.slice(0, 60)}` } };
    const spec = specOf(channel);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      log(`${channel}: invalid input: ${parsed.error.message}`);
      return { ok: false, error: { code: 'invalid-input', messageZh: zodMessageZh(parsed.error) } };
    }
    const [domain, method] = splitChannel(channel);
    const handler = (handlers[domain] as unknown as Record<string, (i: unknown) => Promise<unknown>>)[method];
    let result: unknown;
    try {
      result = await handler(parsed.data);
    } catch (e) {
      if (isUserFacingError(e)) {
        log(`${channel}: ${e.code}: ${e.message}`);
        return { ok: false, error: { code: e.code, messageZh: e.messageZh } };
      }
      log(`${channel}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : describeError(e)}`);
      return { ok: false, error: { code: 'internal', messageZh: `操作失败：${describeError(e)}` } };
    }
    const out = spec.output.safeParse(result);
    if (!out.success) {
      log(`${channel}: handler returned a value outside the contract: ${out.error.message}`);
      return { ok: false, error: { code: 'internal', messageZh: '程序内部错误：返回的数据格式不对。' } };
    }
    return { ok: true, result: out.data };
  };
}
