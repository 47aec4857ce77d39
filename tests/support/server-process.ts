import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scaledMs } from './machine.js';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));

/**
 * Node's own options of `pnpm start` (server/package.json: `node <these> --import tsx src/main.ts`), so tests and
 * benchmarks run the server with the same heap settings as production.
 */
export function serverNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(`${serverDir}package.json`, 'utf8')) as { scripts: { start: string } };
  const [, options] = /^node ((?:--[\w-]+=\S+ )*)--import tsx /.exec(scripts.start) ?? [];
  if (options === undefined)
    throw new Error(`server/package.json's start script is not "node [--option=value ...] --import tsx ...": ${scripts.start}`);
  return options.split(' ').filter(Boolean);
}

/** Every server started and not yet exited, so a failed test cannot leave one running. */
const running = new Set<ChildProcess>();

/** Kills what a failed test left running: each server's whole process group, its PostgreSQL included. */
export function killLeftoverServers(): void {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

export interface LogLine {
  /** Milliseconds since the epoch (pino's default). */
  time: number;
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface ServerProcess {
  url: string;
  /** Every log message the server printed so far. */
  messages: string[];
  /** The same, as the server's JSON log lines (time, level, msg and the line's fields). */
  logLines: LogLine[];
  /**
   * Sends a signal and resolves with the exit code and how long the exit took. SIGINT goes
   * to the whole process group, as Ctrl-C in a terminal does; SIGTERM to the server only.
   */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export interface StartOptions {
  /** How long it may take to say where it listens: by default 2 minutes times the machine factor. */
  timeoutMs?: number;
  /**
   * A production build's server folder (server/production-build.mjs): runs its compiled `dist/main.js` as the
   * container image does, instead of the sources.
   */
  builtServerDir?: string;
}

/**
 * Starts `server/src/main.ts` as its own process, as the README's start command does (or a production build's
 * `dist/main.js`), and resolves once it says where it listens (a first start initialises PostgreSQL, migrates and
 * may seed, minutes on a loaded machine).
 */
export function startServerProcess(env: Record<string, string>, options: StartOptions = {}): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? scaledMs(120_000);
  // Exactly as `pnpm start` runs it: node with tsx as a loader, no relaying parent process (tsx's command
  // line gives the server 30 ms to acknowledge a signal and SIGKILLs a busy one, PostgreSQL left behind).
  const args = [...serverNodeOptions(), ...(options.builtServerDir ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.builtServerDir ?? serverDir,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a SIGINT can reach the server and its PostgreSQL together.
    detached: true,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const messages: string[] = [];
  const logLines: LogLine[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${messages.join('\n')}\n${stderr}`));
    }, timeoutMs);
    const exitedEarly = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${messages.join('\n')}\n${stderr}`));
    };
    child.once('exit', exitedEarly);
    let buffer = '';
    child.stdout?.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const logLine: LogLine | null = line.startsWith('{') ? JSON.parse(line) : null;
        const message = logLine ? String(logLine.msg) : line;
        messages.push(message);
        if (logLine) logLines.push(logLine);
        const listening = /running at (http:\/\/[^/]+)\//.exec(message);
        if (!listening?.[1]) continue;
        clearTimeout(timer);
        child.removeListener('exit', exitedEarly);
        resolve({
          url: listening[1],
          messages,
          logLines,
          stop: (signal) =>
            new Promise((done) => {
              const started = Date.now();
              child.once('exit', (code) => done({ code, ms: Date.now() - started }));
              if (signal === 'SIGINT' && child.pid) process.kill(-child.pid, signal);
              else child.kill(signal);
            }),
        });
      }
    });
  });
}
