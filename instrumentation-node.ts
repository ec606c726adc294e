// The configuration is validated at boot: a bad or unsafe env (e.g. production without payment
// keys) stops the process with the message instead of failing on the first request. The production
// web server (scripts/web.ts) checks it before Next starts as well; this covers `next dev`.
import { env, EnvError } from "./server/env";

try {
  const e = env();
  // scripts/web.ts stamps each request with its TCP peer (server/http/client-ip.ts). Under plain
  // `next start` nothing does, so every client would share one set of rate-limit buckets.
  if (!e.MERCHLOOP_WEB_SERVER && e.NODE_ENV === "production" && !e.TRUST_PROXY) {
    process.stderr.write("[merchloop] warning: started without scripts/web.ts (npm run web); rate limits cannot tell clients apart\n");
  }
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  process.stderr.write(`\n[merchloop] cannot start: ${err.message}\n`);
  process.exit(1);
}
