import { describe, expect, it } from "vitest";
import { writeBehind } from "../server/write-behind";
import { cuidish } from "../server/ids";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("writeBehind (batch writes overlapped with preparing the next batch)", () => {
  it("returns before the step finishes, yet runs steps one at a time and in order", async () => {
    const w = writeBehind();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const step = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
    };
    await w.next(step("a"));
    log.push("caller prepares b"); // while a is still being written
    await w.next(step("b"));
    await w.next(step("c"));
    await w.drain();
    expect(log).toEqual(["start a", "caller prepares b", "end a", "start b", "end b", "start c", "end c"]);
    expect(most).toBe(1);
  });

  it("rethrows a failed step at the next call, never as an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const w = writeBehind();
      await w.next(async () => {
        throw new Error("disk full");
      });
      await tick(); // the failure happens while the caller is busy elsewhere
      let ran = false;
      await expect(w.next(async () => void (ran = true))).rejects.toThrow("disk full");
      expect(ran).toBe(false);
      await expect(w.drain()).rejects.toThrow("disk full");
      await expect(w.settle()).resolves.toBeUndefined();
      await tick();
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});

describe("cuidish", () => {
  it("makes unique 25-character cuid-style ids, across refills of its random pool", () => {
    const ids = Array.from({ length: 5_000 }, () => cuidish());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
