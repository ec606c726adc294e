import { fork } from "node:child_process";
import cluster from "node:cluster";
import { join, resolve } from "node:path";
import { LISTEN_ENV, REUSEPORT, reusePortSupported } from "../../server/http/shared-port";
import { StartError } from "./services";
import { supervise, type Supervised } from "./supervise";

const root = resolve(__dirname, "..", "..");
const webScript = join(root, "scripts", "web.ts");

export type WebProcesses = {
  /** How they share the port: their own SO_REUSEPORT sockets, or node:cluster's primary (this process). */
  sharing: "SO_REUSEPORT" | "node:cluster";
  started: Promise<Supervised>[];
};

/**
 * Starts `count` supervised web processes (scripts/web.ts) on one port. On Linux each opens its own
 * SO_REUSEPORT socket and the kernel spreads connections over them; elsewhere, or with
 * WEB_REUSEPORT=0, node:cluster's primary (this process) accepts them and hands them round-robin to
 * the processes. server/http/shared-port.ts says why the first is faster.
 */
export function startWebProcesses(opts: { count: number; port: number; env: NodeJS.ProcessEnv; execArgv: string[]; say: (m: string) => void }): WebProcesses {
  const shared = opts.env.WEB_REUSEPORT !== "0" && reusePortSupported();
  const args = ["-p", String(opts.port)];
  if (!shared) cluster.setupPrimary({ exec: webScript, args, execArgv: opts.execArgv });
  const started = Array.from({ length: opts.count }, (_, i) => {
    const name = opts.count > 1 ? `web ${i + 1}/${opts.count}` : "web";
    const env = { ...opts.env, MERCHLOOP_PROCESS: `web-${i + 1}`, ...(shared ? { [LISTEN_ENV]: REUSEPORT } : {}) };
    return supervise(name, () => (shared ? fork(webScript, args, { cwd: root, env, execArgv: opts.execArgv }) : cluster.fork(env).process), {
      say: opts.say,
      graceMs: 10_000,
      // scripts/web.ts says so over IPC once it listens.
      ready: (child) =>
        new Promise<void>((res, rej) => {
          child.on("message", (m: { merchloop?: string }) => m?.merchloop === "listening" && res());
          child.once("exit", (code, sig) => rej(new StartError(`${name} exited during start-up (${code ?? sig})`)));
        }),
    });
  });
  return { sharing: shared ? "SO_REUSEPORT" : "node:cluster", started };
}
