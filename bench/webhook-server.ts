// The webhook route in its own process (as in production, where Stripe's deliveries arrive from
// outside): started by bench/webhook-burst.ts with the bench's environment; prints its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

async function main() {
  const { POST } = await import("../app/api/webhooks/stripe/route");
  const { pgPool } = await import("../server/db");
  const { queue } = await import("../server/queues/connection");
  // Warm the pg pool and BullMQ's scripts before the first delivery.
  await Promise.all(Array.from({ length: 5 }, () => pgPool().query("select 1")));
  await (await queue("payment").add("warmup", { eventId: "warmup" })).remove();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r = await POST(new Request("http://bench/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": String(req.headers["stripe-signature"] ?? "") }, body: Buffer.concat(chunks).toString("utf8") }));
    res.writeHead(r.status, { "content-type": "application/json" }).end(await r.text());
  });
  server.listen(0, "127.0.0.1", () => process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

void main();
