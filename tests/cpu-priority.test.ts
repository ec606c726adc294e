import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The worker's WORKER_NICE must reach every thread: on Linux setpriority() changes the calling
// thread only, and V8's GC/compiler threads and libuv's pool do much of the worker's CPU work.
describe.skipIf(process.platform !== "linux")("worker CPU priority", () => {
  it("lowers every thread of the process, and threads started afterwards inherit it", () => {
    const script = `
      const { readFile, readFileSync, readdirSync } = require("node:fs");
      const { lowerCpuPriority } = require(${JSON.stringify(join(__dirname, "..", "workers", "cpu-priority.ts"))});
      readFile(__filename, () => {            // starts libuv's thread pool before lowering
        lowerCpuPriority(7);
        require("node:crypto").pbkdf2("x", "y", 1, 8, "sha1", () => {  // uses the pool afterwards
          const nices = readdirSync("/proc/self/task").map((t) => Number(readFileSync("/proc/self/task/" + t + "/stat", "utf8").split(") ")[1].split(" ")[16]));
          process.stdout.write(JSON.stringify(nices));
        });
      });`;
    const r = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: join(__dirname, ".."), encoding: "utf8" });
    expect(r.stderr).toBe("");
    const nices: number[] = JSON.parse(r.stdout);
    expect(nices.length).toBeGreaterThan(4); // main, V8's platform threads, libuv's pool
    expect(nices.every((n) => n === 7)).toBe(true);
  });
});
