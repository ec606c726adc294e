import { ensureTemplate, freshDatabase, dropDatabase } from "./db";

const WORKERS = Number(process.env.TEST_WORKERS ?? 2);

export async function setup() {
  await ensureTemplate();
  for (let i = 1; i <= WORKERS; i++) await freshDatabase(`merchloop_test_${i}`);
  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    for (let i = 1; i <= WORKERS; i++) await dropDatabase(`merchloop_test_${i}`).catch(() => undefined);
  };
}
