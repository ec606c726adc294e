import type { ChildProcess } from "node:child_process";

export type Supervised = {
  name: string;
  /** The running process, if any. */
  current(): ChildProcess | undefined;
  /** How many times it was restarted after exiting on its own. */
  restarts(): number;
  /** No more restarts from now on (a shutdown begins; Ctrl-C also reaches the children directly). */
  retire(): void;
  /** Stops it for good (signal, then SIGKILL after `graceMs`). */
  stop(): Promise<void>;
};

export type SuperviseOptions = {
  /** Resolves once the process serves (e.g. answers PING); rejects if it cannot. */
  ready?: (child: ChildProcess) => Promise<void>;
  stopSignal?: NodeJS.Signals;
  graceMs?: number;
  say: (msg: string) => void;
};

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A process that ran this long is healthy again: the next crash restarts it quickly. */
const STABLE_MS = 30_000;

/**
 * Keeps one process running: when it exits on its own it is started again after a back-off
 * (0.5 s, 1 s, 2 s … 30 s; reset once it has run for 30 s). Resolves when the first start is ready;
 * rejects if the first start fails, so a broken configuration stops `npm start` instead of looping.
 */
export async function supervise(name: string, start: () => ChildProcess, opts: SuperviseOptions): Promise<Supervised> {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let failuresInRow = 0;
  let timer: NodeJS.Timeout | undefined;

  const launch = (first: boolean): Promise<void> => {
    const startedAt = Date.now();
    const c = start();
    child = c;
    c.once("exit", (code, signal) => {
      if (child === c) child = undefined;
      if (stopping) return;
      failuresInRow = Date.now() - startedAt > STABLE_MS ? 1 : failuresInRow + 1;
      const wait = Math.min(MIN_BACKOFF_MS * 2 ** (failuresInRow - 1), MAX_BACKOFF_MS);
      opts.say(`${name} exited (${signal ?? `code ${code}`}); restarting in ${(wait / 1000).toFixed(1)} s`);
      timer = setTimeout(() => {
        if (stopping) return;
        restarts++;
        launch(false).then(
          () => opts.say(`${name} is back`),
          (e: Error) => opts.say(`${name} did not come back: ${e.message}`),
        );
      }, wait);
    });
    if (!opts.ready) return Promise.resolve();
    return opts.ready(c).catch((e: Error) => {
      if (first) {
        stopping = true; // the caller reports and stops everything
        c.kill("SIGKILL");
      }
      throw e;
    });
  };

  await launch(true);
  return {
    name,
    current: () => child,
    restarts: () => restarts,
    retire: () => {
      stopping = true;
      if (timer) clearTimeout(timer);
    },
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      await new Promise<void>((res) => {
        const kill = setTimeout(() => c.kill("SIGKILL"), opts.graceMs ?? 15_000);
        c.once("exit", () => (clearTimeout(kill), res()));
        c.kill(opts.stopSignal ?? "SIGTERM");
      });
    },
  };
}
