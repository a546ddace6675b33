import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The compiled CLI (test/global-setup.js builds it once per jest run). */
export const CLI_ENTRY = join(__dirname, '..', '..', 'dist', 'apps', 'ledger-cli', 'src', 'main.js');

export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** JSON lines printed so far (stdout and stderr), the others ignored. */
  lines(): Array<Record<string, unknown>>;
  /** Resolves with the first JSON line that matches (rejects after timeoutMs or if the process exits first). */
  waitForLine(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `ledger <args>` from the compiled build as a real child process. */
export function startCli(args: string[], environment: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const parsed: Array<Record<string, unknown>> = [];
  const watchers = new Set<() => void>();
  let pending = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    pending += text;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      if (!line.startsWith('{')) continue;
      try {
        parsed.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a JSON line
      }
    }
    for (const watch of watchers) watch();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    lines: () => parsed,
    waitForLine: (match, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = parsed.find(match);
          if (found) {
            done();
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching line within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const onExit = () => {
          check();
          done();
          reject(new Error(`the process exited before a matching line:\n${output}`));
        };
        const done = () => {
          clearTimeout(timer);
          watchers.delete(check);
          child.off('exit', onExit);
        };
        watchers.add(check);
        child.once('exit', onExit);
        check();
      }),
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs `ledger <args>` to the end. */
export async function runCli(args: string[], environment: Record<string, string>): Promise<{ code: number | null; output: string; lines: Array<Record<string, unknown>> }> {
  const run = startCli(args, environment);
  const code = await run.exited;
  return { code, output: run.output(), lines: run.lines() };
}
