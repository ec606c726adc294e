import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDbUrl, signedEvent } from "./hostile/lib";

// The production web server started directly (`npm run web`: scripts/web.ts, as docker-compose does),
// next to the e2e server: how the payment configuration decides whether it starts at all.

const PORTS = { refused: 41101, local: 41102, live: 41103 };

function start(port: number, extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: e2eDbUrl(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    QUEUE_PREFIX: `mlstart-${port}-${process.pid}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), "merchloop-start-")),
    NEXTAUTH_SECRET: "start-spec-secret-0123456789",
    APP_URL: `http://localhost:${port}`,
    LOG_LEVEL: "warn",
    ...extra,
  };
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), [join(process.cwd(), "scripts", "web.ts"), "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, output: () => output, exited };
}

async function ready(port: number, child: ChildProcess) {
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not come up`);
}

const stop = async (s: ReturnType<typeof start>) => {
  if (s.child.exitCode === null) s.child.kill("SIGTERM");
  await s.exited;
};

test("production without payment keys is refused with a message", async () => {
  const s = start(PORTS.refused, {});
  expect(await s.exited).not.toBe(0);
  expect(s.output()).toContain("cannot start");
  expect(s.output()).toMatch(/PAYMENTS_PROVIDER: production needs live payment keys/);
});

test("PAYMENTS_PROVIDER=local starts and says so on every store page; without a proxy, X-Forwarded-For is ignored", async () => {
  const s = start(PORTS.local, { PAYMENTS_PROVIDER: "local", RATE_LIMIT_API_PER_IP: "3" });
  try {
    await ready(PORTS.local, s.child);
    const home = await (await fetch(`http://localhost:${PORTS.local}/`)).text();
    expect(home).toContain("Test mode: checkout is simulated and no real money moves.");
    // TRUST_PROXY is unset: a client cannot pose as many clients by inventing X-Forwarded-For.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`http://localhost:${PORTS.local}/api/commissions/nope`, { headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `203.0.113.${i}` } })).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  } finally {
    await stop(s);
  }
});

test("with live Stripe keys the local checkout is gone and test-mode events are refused", async () => {
  const secret = "whsec_start_spec_live_0123456789";
  const s = start(PORTS.live, { STRIPE_SECRET_KEY: "sk_live_start_spec", STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: "http://127.0.0.1:9" });
  try {
    await ready(PORTS.live, s.child);
    const url = (p: string) => `http://localhost:${PORTS.live}${p}`;
    expect((await fetch(url("/checkout/cs_local_anything/complete"), { method: "POST", body: new URLSearchParams({ action: "pay" }), redirect: "manual" })).status).toBe(404);
    expect((await fetch(url("/checkout/cs_local_anything"))).status).toBe(404);
    expect(await (await fetch(url("/"))).text()).not.toContain("Test mode");
    const testMode = signedEvent({ secret, livemode: false });
    const res = await fetch(url("/api/webhooks/stripe"), { method: "POST", body: testMode.payload, headers: { "content-type": "application/json", "stripe-signature": testMode.signature } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/live-mode events only/);
  } finally {
    await stop(s);
  }
});
