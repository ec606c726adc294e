import { ensureTemplate, freshDatabase, dropDatabase, DB_PREFIX } from "./db";

const WORKERS = Number(process.env.TEST_WORKERS ?? 2);

export async function setup() {
  await ensureTemplate();
  for (let i = 1; i <= WORKERS; i++) await freshDatabase(`${DB_PREFIX}_${i}`);
  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    for (let i = 1; i <= WORKERS; i++) await dropDatabase(`${DB_PREFIX}_${i}`).catch(() => undefined);
  };
}
