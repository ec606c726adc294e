/**
 * How `npm start`'s web processes share one port.
 *
 * With SO_REUSEPORT (Linux), each web process opens its own listening socket on the port and the
 * kernel spreads new connections over them by a hash of the client's address and port. Each process
 * accepts its own connections. This is what Node 22's `listen({ reusePort: true })` does. Node 20
 * cannot set the option, so the socket comes from node-unix-socket's prebuilt N-API addon, which
 * creates it and hands back the file descriptor for `server.listen({ fd })`. The addon is an optional
 * dependency for Linux x64 (glibc and musl builds), loaded directly: its wrapper package lists every
 * platform's build, and a lock file that lacks some of them breaks `npm ci`.
 *
 * Why not node:cluster, the fallback: its primary accepts every connection and passes it to a web
 * process over IPC, and it waits for that process to acknowledge one connection before it sends the
 * next. A burst of 50 new connections reached the web processes one by one over ~150 ms, while they
 * were already busy with the first requests. Those first requests were the webhook's slowest 1 %
 * (docs/scaling.md, "Webhooks").
 *
 * The socket is shared only when `npm start` asks for it (MERCHLOOP_LISTEN=reuseport). It checks
 * first that the port is free, because a second program that also sets SO_REUSEPORT would share the
 * port without an error. `npm run web` on its own listens the plain way and fails if the port is taken.
 */
import { createRequire } from "node:module";
import type { Server } from "node:net";

export const LISTEN_ENV = "MERCHLOOP_LISTEN";
export const REUSEPORT = "reuseport";

type Addon = { socketNewSoReuseportFd(domain: "ipv4" | "ipv6", port: number, ip: string): number; socketClose(fd: number): void };

const BUILDS = ["node-unix-socket-linux-x64-gnu", "node-unix-socket-linux-x64-musl"];

/** The first build that loads on this machine; throws when none does. */
function addon(): Addon {
  const load = createRequire(__filename);
  const errors: string[] = [];
  for (const name of BUILDS) {
    try {
      return load(name) as Addon;
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  throw new Error(`no SO_REUSEPORT addon loads here (${errors.join("; ")})`);
}

/**
 * True when this machine can share a port by SO_REUSEPORT: Linux, and the addon loads and can make a
 * socket. On macOS and BSD, SO_REUSEPORT gives new connections to the most recently bound socket
 * instead of spreading them, so those use node:cluster.
 */
export function reusePortSupported(): boolean {
  if (process.platform !== "linux") return false;
  try {
    const a = addon();
    a.socketClose(a.socketNewSoReuseportFd("ipv4", 0, "127.0.0.1"));
    return true;
  } catch {
    return false;
  }
}

/** The addon's error for a port another socket holds (its message, no errno code). */
const inUse = (e: unknown) => /in use/i.test((e as Error).message);

/**
 * Listens on `port`, on every address as `server.listen(port)` does: IPv6 and IPv4 (dual stack), or
 * IPv4 alone where the machine has no IPv6. With MERCHLOOP_LISTEN=reuseport, through a socket of this
 * process's own that shares the port with the other web processes.
 */
export function listenOnPort(server: Server, port: number, onListening: () => void) {
  if (process.env[LISTEN_ENV] !== REUSEPORT) {
    server.listen(port, onListening);
    return;
  }
  const a = addon();
  let fd: number;
  try {
    try {
      fd = a.socketNewSoReuseportFd("ipv6", port, "::");
    } catch (e) {
      // No IPv6 here: IPv4 alone. A port that is taken stays an error, not an IPv4-only server.
      if (inUse(e)) throw e;
      fd = a.socketNewSoReuseportFd("ipv4", port, "0.0.0.0");
    }
  } catch (e) {
    // Reported as server.listen reports it: an "error" event, EADDRINUSE for a taken port.
    const err: NodeJS.ErrnoException = new Error((e as Error).message);
    if (inUse(e)) err.code = "EADDRINUSE";
    process.nextTick(() => server.emit("error", err));
    return;
  }
  // The descriptor is not close-on-exec: a child process this one spawned would keep the socket
  // (and its share of new connections) open. Web processes spawn none.
  server.listen({ fd }, onListening);
}
