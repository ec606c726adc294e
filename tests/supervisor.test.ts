import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { stopWithSupervisor } from "../server/supervisor";

afterEach(() => void delete process.env.MERCHLOOP_SUPERVISOR_PID);

describe("processes npm start runs stop when it is gone", () => {
  it("calls stop once the supervisor's pid no longer exists, and not before", async () => {
    const supervisor = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    process.env.MERCHLOOP_SUPERVISOR_PID = String(supervisor.pid);
    let stopped = 0;
    stopWithSupervisor(() => stopped++, 20);
    await new Promise((r) => setTimeout(r, 150));
    expect(stopped).toBe(0);
    supervisor.kill("SIGKILL");
    await new Promise((r) => supervisor.once("exit", r));
    await new Promise((r) => setTimeout(r, 150));
    expect(stopped).toBe(1);
  });

  it("watches nothing without MERCHLOOP_SUPERVISOR_PID (npm run web, Docker)", async () => {
    let stopped = 0;
    stopWithSupervisor(() => stopped++, 20);
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(0);
  });
});
