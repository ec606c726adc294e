/**
 * One web process: Next's request handler on a node:http server (`npm run web`; `npm start` runs
 * WEB_CONCURRENCY of these sharing one port: server/http/shared-port.ts).
 *
 * Why not plain `next start`: three things happen here before Next sees a request.
 * 1. The TCP peer's address is stamped on PEER_HEADER (overwriting whatever a client sent), so the
 *    limits can tell clients apart without trusting X-Forwarded-For (server/http/client-ip.ts).
 * 2. Stripe's webhook is answered on node:http directly (server/http/node-routes.ts): through Next's
 *    router it cost ~13 ms of CPU per delivery and capped one process at ~70 deliveries/s.
 * 3. A gallery page that Next has already rendered into the shared cache is served from that cache
 *    entry directly, after the same tag check (server/http/page-cache.ts); any other case is Next's.
 * Everything else — pages, tRPC, every other API route — is Next's, unchanged.
 */
import { createServer } from "node:http";
import { resolve } from "node:path";
import next from "next";
import { env, EnvError } from "../server/env";
import { PEER_HEADER } from "../server/http/client-ip";
import { nodeRoute } from "../server/http/node-routes";
import { warmWebhookPath } from "../server/services/payments/handle-webhook";
import { galleryKey, inRenderSlot, learnHeaders, servePageFromCache } from "../server/http/page-cache";
import { listenOnPort } from "../server/http/shared-port";
import { stopWithSupervisor } from "../server/supervisor";

const root = resolve(__dirname, "..");

function portFromArgs(): number {
  const i = process.argv.findIndex((a) => a === "-p" || a === "--port");
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  const port = Number(raw ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`\n[merchloop] cannot start: the port must be a whole number from 0 to 65535 (it is "${raw}").\n`);
    process.exit(1);
  }
  return port;
}

async function main() {
  // A bad or unsafe configuration stops the process with the message (instrumentation.ts checks it
  // again inside Next, for `next dev`).
  process.env.MERCHLOOP_WEB_SERVER = "1"; // tells instrumentation.ts the peer address is stamped here
  try {
    env();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    process.stderr.write(`\n[merchloop] cannot start: ${e.message}\n`);
    process.exit(1);
  }
  const port = portFromArgs();
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    const route = nodeRoute(req);
    if (route) return void route(req, res);
    const gallery = galleryKey(req);
    if (!gallery) return void handle(req, res);
    void servePageFromCache(req, res, gallery)
      .then((served) => {
        if (served) return;
        learnHeaders(res);
        inRenderSlot(res, () => handle(req, res));
      })
      .catch(() => {
        if (res.headersSent) res.destroy();
        else void handle(req, res);
      });
  });
  // Node's defaults close a keep-alive socket after 5 s idle; a load balancer in front keeps its
  // own pool longer, so outlive it (as `next start` does with --keepAliveTimeout).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A port already taken stops the process with one sentence (Next's handlers would keep it running,
  // listening on nothing).
  server.once("error", (e: NodeJS.ErrnoException) => {
    if (server.listening) return;
    process.stderr.write(`\n[merchloop] cannot start: ${e.code === "EADDRINUSE" ? `port ${port} is already in use by another program` : e.message}\n`);
    process.exit(1);
  });
  listenOnPort(server, port, () => {
    process.stdout.write(`[web ${process.pid}] ready on http://localhost:${port}\n`);
    process.send?.({ merchloop: "listening" }); // npm start's readiness check
  });
  // Stripe's first delivery must not wait for a connection: open them now. A store that is down is
  // not fatal here; the webhook answers 503 until it is back.
  warmWebhookPath().catch((e: Error) => process.stderr.write(`[web ${process.pid}] webhook path not warmed: ${e.message}\n`));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Finish requests in flight; live streams (SSE) are closed so the browser reconnects elsewhere.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
    setTimeout(() => process.exit(0), 8_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  stopWithSupervisor(stop);
}

void main().catch((e: Error) => {
  process.stderr.write(`\n[merchloop] cannot start: ${e.message}\n`);
  process.exit(1);
});
