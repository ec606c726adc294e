/**
 * `npm start`'s web processes on one port (scripts/lib/web-processes.ts): on Linux each holds its own
 * SO_REUSEPORT socket and the kernel spreads new connections over them; one that dies is replaced
 * and the port keeps answering meanwhile. Needs a current production build.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer as createHttpServer, request } from "node:http";
import { connect, createServer, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildNeeded } from "../scripts/start";
import { startWebProcesses } from "../scripts/lib/web-processes";
import { LISTEN_ENV, REUSEPORT, listenOnPort } from "../server/http/shared-port";
import type { Supervised } from "../scripts/lib/supervise";
import { waitFor } from "./helpers/wait";

const port = Number(process.env.SHARED_PORT_TEST_PORT ?? 41870) + Number(process.env.VITEST_POOL_ID ?? 1);
const hasBuild = !buildNeeded();
const said: string[] = [];
let webs: Supervised[] = [];
const held: Socket[] = [];

afterAll(async () => {
  held.forEach((s) => s.destroy());
  await Promise.all(webs.map((w) => w.stop()));
  // A start that failed or timed out leaves processes the supervisor never returned.
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if ([port, port + 20, port + 40].some((p) => cmd.includes(`scripts/web.ts\0-p\0${p}\0`))) process.kill(Number(pid), "SIGKILL");
    } catch {
      // gone already
    }
  }
}, 30_000);

/** Socket inodes on `port` in the kernel's TCP tables, by state: 0A listening, 01 established. */
function socketInodes(state: "0A" | "01"): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      if (parseInt(f[1].split(":")[1], 16) === port && f[3] === state) inodes.add(f[9]);
    }
  }
  return inodes;
}

/** How many of `inodes` process `pid` holds open. */
function heldBy(pid: number, inodes: Set<string>): number {
  let n = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m && inodes.has(m[1])) n++;
    } catch {
      // closed while reading
    }
  }
  return n;
}

/** GET /api/health on a connection of its own. */
const health = () =>
  new Promise<number>((res, rej) => {
    const req = request({ host: "127.0.0.1", port, path: "/api/health", agent: false }, (r) => {
      r.resume();
      r.on("end", () => res(r.statusCode ?? 0));
    });
    req.on("error", rej);
    req.end();
  });

describe.skipIf(!hasBuild || process.platform !== "linux")("web processes sharing one port (SO_REUSEPORT)", () => {
  it("each process listens on the port itself, the kernel spreads connections over both, and a dead one is replaced", async () => {
    const env = { ...process.env, NODE_ENV: "production", PAYMENTS_PROVIDER: "local", LOG_LEVEL: "warn" } as NodeJS.ProcessEnv;
    delete env.WEB_REUSEPORT;
    const web = startWebProcesses({ count: 2, port, env, execArgv: ["--require", "tsx/cjs"], say: (m) => void said.push(m) });
    expect(web.sharing).toBe("SO_REUSEPORT");
    webs = await Promise.all(web.started);
    const pids = () => webs.map((w) => w.current()!.pid!);

    // Two listening sockets on the port, one in each process (not one socket in a primary).
    const listening = socketInodes("0A");
    expect(listening.size).toBe(2);
    expect(pids().map((pid) => heldBy(pid, listening))).toEqual([1, 1]);

    // 40 connections held open: each process has accepted some of them itself.
    for (let i = 0; i < 40; i++) held.push(await new Promise<Socket>((res, rej) => connect(port, "127.0.0.1", function (this: Socket) { res(this); }).on("error", rej)));
    const accepted = await waitFor("both processes to accept connections", async () => {
      const open = socketInodes("01");
      const counts = pids().map((pid) => heldBy(pid, open));
      return counts.reduce((a, b) => a + b, 0) === 40 && counts;
    }, 10_000);
    expect(Math.min(...accepted)).toBeGreaterThan(0);
    held.splice(0).forEach((s) => s.destroy());

    // SIGKILL one: the other answers every new connection meanwhile, and the supervisor starts it again.
    const [victim] = pids();
    webs[0].current()!.kill("SIGKILL");
    await waitFor("the killed process to be gone", async () => socketInodes("0A").size === 1, 10_000);
    const during = await Promise.all(Array.from({ length: 20 }, () => health()));
    expect(during.every((s) => s === 200)).toBe(true);
    await waitFor("web 1/2 to be back", async () => said.includes("web 1/2 is back"), 60_000);
    expect(webs[0].current()!.pid).not.toBe(victim);
    expect(pids().map((pid) => heldBy(pid, socketInodes("0A")))).toEqual([1, 1]);
    expect(await health()).toBe(200);
  }, 120_000);

  it("with SO_REUSEPORT, a port another program holds is still refused with one sentence", async () => {
    const other = port + 40;
    // IPv6 only: the IPv4 side stays free, so a start that fell back to IPv4 on any error would run.
    const holder = createServer();
    await new Promise<void>((res) => holder.listen({ port: other, host: "::", ipv6Only: true }, () => res()));
    try {
      const env = { ...process.env, NODE_ENV: "production", PAYMENTS_PROVIDER: "local", LOG_LEVEL: "warn" } as NodeJS.ProcessEnv;
      const web = startWebProcesses({ count: 1, port: other, env, execArgv: ["--require", "tsx/cjs"], say: () => {} });
      expect(web.sharing).toBe("SO_REUSEPORT");
      await expect(web.started[0]).rejects.toThrow("web exited during start-up (1)");

      // What web.ts turns into its one sentence: the server's "error" event with EADDRINUSE, as a
      // plain listen reports it (not an exception thrown past the handler).
      const saved = process.env[LISTEN_ENV];
      process.env[LISTEN_ENV] = REUSEPORT;
      try {
        const server = createHttpServer();
        const error = await new Promise<NodeJS.ErrnoException>((res, rej) => {
          server.once("error", res);
          listenOnPort(server, other, () => rej(new Error("listened on a taken port")));
        });
        expect(error.code).toBe("EADDRINUSE");
      } finally {
        if (saved === undefined) delete process.env[LISTEN_ENV];
        else process.env[LISTEN_ENV] = saved;
      }
    } finally {
      await new Promise((r) => holder.close(r));
    }
  }, 90_000);

  it("a web process stops when the npm start that started it is SIGKILLed, and frees the port", async () => {
    const other = port + 20;
    // A stand-in for npm start: starts one web process the same way, prints its pid, then waits.
    const script = `
      const { startWebProcesses } = require(${JSON.stringify(join(__dirname, "..", "scripts", "lib", "web-processes.ts"))});
      const env = { ...process.env, MERCHLOOP_SUPERVISOR_PID: String(process.pid) };
      const web = startWebProcesses({ count: 1, port: ${other}, env, execArgv: ["--require", "tsx/cjs"], say: () => {} });
      web.started[0].then((w) => process.stdout.write("pid " + w.current().pid + "\\n"));`;
    const env = { ...process.env, NODE_ENV: "production", PAYMENTS_PROVIDER: "local", LOG_LEVEL: "warn" } as NodeJS.ProcessEnv;
    const supervisor = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: join(__dirname, ".."), env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    supervisor.stdout!.on("data", (b: Buffer) => (out += b.toString()));
    const pid = Number(await waitFor("the web process to start", async () => /pid (\d+)/.exec(out)?.[1], 60_000));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    supervisor.kill("SIGKILL");
    await waitFor("the web process to stop", async () => !alive(), 15_000);
    // The port is free again: a plain listen gets it.
    const probe = createServer();
    await new Promise<void>((res, rej) => probe.once("error", rej).listen(other, () => res()));
    await new Promise((r) => probe.close(r));
  }, 90_000);
});
