// Runs the engine in an Electron utilityProcess and keeps it running: a crash fails the calls
// in flight with a Chinese message and starts a fresh engine (a few times, not forever).
import { utilityProcess, type UtilityProcess } from 'electron';
import type { Channel } from '../../../shared/api/contract';
import type { DispatchResult } from '../../engine/service/dispatch';
import { createEngineClient } from './client';
import { isFromEngine, type EngineInit } from './protocol';

export interface EngineProcess {
  call(channel: Channel, input: unknown): Promise<DispatchResult>;
  ready: Promise<void>;
  stop(): void;
}

const MAX_RESTARTS = 3;

export function startEngineProcess(entry: string, init: EngineInit, env: Record<string, string>, log: (m: string) => void): EngineProcess {
  let child: UtilityProcess | null = null;
  let restarts = 0;
  let stopping = false;
  const client = createEngineClient((message) => {
    if (!child) throw new Error('engine not running');
    child.postMessage(message);
  });
  let markReady: () => void = () => {};
  let markFailed: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });

  const spawn = (): void => {
    const proc = utilityProcess.fork(entry, [], { serviceName: 'Weekly Desk Engine', stdio: 'inherit', env: { ...process.env, ...env } });
    child = proc;
    proc.on('message', (message: unknown) => {
      if (isFromEngine(message) && message.type === 'ready') markReady();
      else if (isFromEngine(message) && message.type === 'fatal') {
        log(`engine could not start: ${message.message}`);
        markFailed(new Error(message.message));
      } else client.receive(message);
    });
    proc.on('exit', (code) => {
      if (child === proc) child = null;
      client.failAll('后台引擎意外退出，刚才的操作没有完成，请重试。');
      if (stopping) return;
      log(`engine exited with code ${code}`);
      if (restarts++ < MAX_RESTARTS) spawn();
      else markFailed(new Error(`engine exited ${restarts} times`));
    });
    proc.postMessage(init);
  };
  spawn();

  return {
    call: (channel, input) => client.call(channel, input),
    ready,
    stop() {
      stopping = true;
      child?.kill();
    },
  };
}
