import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Lowers this process's CPU priority to `nice`, on every thread it has.
 *
 * On Linux, setpriority() changes only the calling thread. `os.setPriority(nice)` alone left V8's
 * garbage-collector and compiler threads, and any libuv pool thread that already existed (where
 * sharp runs libvips), at the default priority. Those threads do much of a busy worker's CPU work.
 * Each thread in /proc/self/task is set too. A thread started afterwards takes the priority of the
 * thread that starts it, so it is low as well.
 */
export function lowerCpuPriority(nice: number) {
  setPriority(nice);
  if (process.platform !== "linux") return;
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      setPriority(Number(tid), nice);
    } catch {
      // the thread ended meanwhile
    }
  }
}
