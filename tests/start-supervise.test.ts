import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pickPort, StartError } from "../scripts/lib/services";
import { supervise } from "../scripts/lib/supervise";

const said: string[] = [];
const say = (m: string) => void said.push(m);
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function occupy(): Promise<number> {
  const s = createServer();
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  return (s.address() as { port: number }).port;
}

describe("npm start: ports", () => {
  it("moves a busy port it chose to the next free one, by name", async () => {
    const busy = await occupy();
    const got = await pickPort("redis-server", busy, { movable: true, setBy: "LOCAL_REDIS_PORT", host: "127.0.0.1" });
    expect(got).toBeGreaterThan(busy);
  });

  it("stops with one sentence when the operator's port is busy", async () => {
    const busy = await occupy();
    const err = await pickPort("the web server", busy, { movable: false, setBy: "PORT", host: "127.0.0.1" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(StartError);
    expect((err as Error).message).toBe(`port ${busy} for the web server is already in use by another program: stop that program or set PORT to a free port.`);
  });
});

describe("npm start: supervision", () => {
  it("starts a process again after it dies, and not after stop()", async () => {
    let starts = 0;
    const svc = await supervise(
      "sleeper",
      () => {
        starts++;
        return spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
      },
      { say, graceMs: 2_000 },
    );
    const first = svc.current()!;
    first.kill("SIGKILL");
    await new Promise<void>((r) => {
      const t = setInterval(() => {
        if (!svc.current() || svc.current() === first) return;
        clearInterval(t);
        r();
      }, 50);
    });
    expect(starts).toBe(2);
    expect(svc.restarts()).toBe(1);
    expect(said.some((m) => m.startsWith("sleeper exited (SIGKILL); restarting in 0.5 s"))).toBe(true);
    const second = svc.current()!;
    await svc.stop();
    expect(second.signalCode).toBe("SIGTERM");
    await new Promise((r) => setTimeout(r, 700));
    expect(starts).toBe(2);
  });

  it("a first start that never becomes ready fails instead of looping", async () => {
    const err = await supervise("broken", () => spawn(process.execPath, ["-e", "process.exit(3)"], { stdio: "ignore" }), {
      say,
      ready: (child) => new Promise((_, rej) => child.once("exit", (code) => rej(new StartError(`broken exited during start-up (${code})`)))),
    }).catch((e: Error) => e);
    expect((err as Error).message).toBe("broken exited during start-up (3)");
  });
});
