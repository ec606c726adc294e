/** Polls `fn` every 100 ms until it returns something truthy; fails naming `what` after `ms`. */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when every process has exited. */
export async function stopAll(procs: import("node:child_process").ChildProcess[], graceMs = 10_000) {
  await Promise.all(
    procs.map(
      (c) =>
        new Promise<void>((res) => {
          if (c.exitCode !== null || c.signalCode !== null) return res();
          const kill = setTimeout(() => c.kill("SIGKILL"), graceMs);
          c.once("exit", () => (clearTimeout(kill), res()));
          c.kill("SIGTERM");
        }),
    ),
  );
}
