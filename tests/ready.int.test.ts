import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";

// A TCP proxy in front of the test Postgres lets the test "stop the database" and bring it back
// while the same process (same Prisma client and pool) keeps answering /api/ready.
const target = new URL(process.env.DATABASE_URL!);
const sockets = new Set<net.Socket>();
let server: net.Server | null = null;
let port = 0;

async function proxyUp() {
  server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((res) => server!.listen(port, "127.0.0.1", () => res()));
  port = (server!.address() as net.AddressInfo).port;
}

async function proxyDown() {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise<void>((res) => server!.close(() => res()));
}

await proxyUp();
const proxied = new URL(process.env.DATABASE_URL!);
proxied.port = String(port);
process.env.DATABASE_URL = proxied.toString();
process.env.METRICS_TOKEN = "ready-test-metrics-token";

const { GET } = await import("../app/api/ready/route");

afterAll(async () => {
  if (server?.listening) await proxyDown();
});

async function ready(operator = true) {
  const started = Date.now();
  const res = await GET(new Request("http://localhost/api/ready", { headers: operator ? { authorization: "Bearer ready-test-metrics-token" } : {} }));
  return { status: res.status, body: await res.json(), ms: Date.now() - started };
}

describe("/api/ready", () => {
  it("is 200 when the database, migrations and Redis are fine", async () => {
    const r = await ready();
    expect(r.status).toBe(200);
    expect(r.body.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it("answers 503 naming the database when Postgres goes away, then 200 again without a restart", async () => {
    await proxyDown();
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.failing).toContain("database");
    expect(down.body.failing).not.toContain("redis");
    expect(down.body.checks.find((c: { name: string }) => c.name === "database").error).toMatch(/database/);
    // Anonymous callers learn what fails, never the driver's error text (hosts, ports, users).
    const anonymous = await ready(false);
    expect(anonymous.status).toBe(503);
    expect(anonymous.body.failing).toContain("database");
    expect(JSON.stringify(anonymous.body)).not.toMatch(/error|127\.0\.0\.1|ECONNREFUSED/i);

    await proxyUp();
    let back = await ready();
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      back = await ready();
    }
    expect(back.status).toBe(200);
  });
});
