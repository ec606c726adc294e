// Runs once when the web process starts (Next calls register() before serving).
// 1. The configuration is validated at boot: a bad or unsafe env (e.g. production without payment
//    keys) stops `next start` with the message instead of failing on the first request.
// 2. Each request is stamped with its TCP peer address (PEER_HEADER), overwriting anything a client
//    sent, so limits can tell clients apart without trusting X-Forwarded-For (server/http/client-ip.ts).

export async function register() {
  const { env, EnvError } = await import("./server/env");
  try {
    env();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    process.stderr.write(`\n[merchloop] cannot start: ${e.message}\n`);
    process.exit(1);
  }
  const http = await import("node:http");
  const { PEER_HEADER } = await import("./server/http/client-ip");
  const emit = http.Server.prototype.emit as (this: unknown, event: string, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as import("node:http").IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args]);
  } as typeof http.Server.prototype.emit;
}
