/**
 * Runs async steps (batch writes) one at a time in the background, so the caller can read and
 * prepare the next batch while Postgres writes this one (this process and Postgres then work on
 * different cores). `next` waits for the previous step, then starts this one without waiting for
 * it; `drain` waits for the last. A failed step is rethrown by the following `next` or `drain`,
 * and is observed at once, so it never becomes an unhandled rejection. Call `settle` on the way
 * out of an error so no write is left running.
 */
export function writeBehind() {
  let last: Promise<{ error: unknown } | undefined> = Promise.resolve(undefined);
  const drain = async () => {
    const failed = await last;
    if (failed) throw failed.error;
  };
  return {
    drain,
    settle: async () => void (await last),
    async next(step: () => Promise<void>) {
      await drain();
      last = step().then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
    },
  };
}
