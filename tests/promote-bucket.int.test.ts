import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { takePostToken } from "../server/services/promote/limits";

// The post budget lives in Redis, so separate worker processes share it: two processes racing for
// the same account bucket never take more tokens than its limit.

function startWorker(accountKey: string, perHour: number, tries: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/bucket-worker.ts", accountKey, String(perHour), String(tries)], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://unused/x" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  const ready = new Promise<void>((res) => child.stdout.on("data", (c: Buffer) => ((out += c.toString()), out.includes("ready") && res())));
  const done = new Promise<{ granted: number; refused: number }>((res, rej) => {
    child.on("exit", (code) => (code === 0 ? res(JSON.parse(out.trim().split("\n").pop()!)) : rej(new Error(`bucket worker exited ${code}`))));
  });
  return { ready, done, go: () => child.stdin.write("go\n") };
}

async function race(perHour: number, tries: number) {
  const key = `acct-${randomUUID()}`;
  const workers = [startWorker(key, perHour, tries), startWorker(key, perHour, tries)];
  await Promise.all(workers.map((w) => w.ready));
  workers.forEach((w) => w.go());
  return Promise.all(workers.map((w) => w.done));
}

describe("post token buckets shared by worker processes", () => {
  it("limit 1: of 2 processes × 10 concurrent tries, exactly one token is granted", async () => {
    const [a, b] = await race(1, 10);
    expect(a.granted + b.granted).toBe(1);
    expect(a.refused + b.refused).toBe(19);
  }, 60_000);

  it("limit 5: exactly five across both processes", async () => {
    const [a, b] = await race(5, 10);
    expect(a.granted + b.granted).toBe(5);
  }, 60_000);

  it("an empty bucket further down gives back the tokens already taken", async () => {
    const key = `acct-${randomUUID()}`;
    const brand = `brand-${randomUUID()}`;
    const first = await takePostToken([{ scope: "account", key, perHour: 2 }, { scope: "brand", key: brand, perHour: 1 }]);
    expect(first.ok).toBe(true);
    const second = await takePostToken([{ scope: "account", key, perHour: 2 }, { scope: "brand", key: brand, perHour: 1 }]);
    expect(second).toMatchObject({ ok: false, scope: "brand" });
    // The account token taken by the refused call was returned: one is still left for another brand.
    expect((await takePostToken([{ scope: "account", key, perHour: 2 }])).ok).toBe(true);
    expect((await takePostToken([{ scope: "account", key, perHour: 2 }])).ok).toBe(false);
  });
});
