import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { startPrintfulServer } from "./contract/printful-server";
import { paidOrder, shopProduct, useLocalShop } from "./helpers/shop";
import { waitFor } from "./helpers/wait";

// The done-when of the shop issue: a real worker process is SIGKILLed between "paid" and
// "submitted" — at the worst moment, after Printful made the order and before its answer arrived.
// After a restart there is exactly one provider order, confirmed, and the order is SUBMITTED.

const root = join(__dirname, "..");
const children: ChildProcess[] = [];
const KEY = "pf-crash-key-789";
const WEBHOOK_SECRET = "crash-test-webhook-secret-0123";

function startWorker(printfulUrl: string) {
  const child = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "workers/index.ts")], {
    cwd: root,
    env: { ...process.env, WORKER_LOCK_MS: "2000", WORKER_CONCURRENCY: "1", LOG_LEVEL: "warn", FULFILMENT_PROVIDER: "printful", PRINTFUL_API_KEY: KEY, PRINTFUL_BASE_URL: printfulUrl, PRINTFUL_WEBHOOK_SECRET: WEBHOOK_SECRET },
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

afterAll(() => children.forEach((c) => killGroup(c, "SIGKILL")));

describe("a worker killed between paid and submitted", () => {
  it("makes exactly one Printful order after a restart", async () => {
    useLocalShop(0);
    const server = await startPrintfulServer({ apiKey: KEY, hangFirstOrder: true });
    try {
      const { pick } = await shopProduct(["tee"]);
      const o = await paidOrder([{ variantId: pick("tee", "M", "Black").id, quantity: 1 }]);
      expect((await db.order.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PAID");

      const first = startWorker(server.url);
      await waitFor("Printful to receive the order", async () => server.orders.get(o.id), 120_000);
      killGroup(first, "SIGKILL");
      await new Promise((r) => first.once("exit", r));
      expect((await db.order.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PAID");

      startWorker(server.url);
      const done = await waitFor("submission after restart", async () => {
        const row = await db.order.findUniqueOrThrow({ where: { id: o.id } });
        return row.status === "SUBMITTED" ? row : null;
      }, 120_000);
      expect(server.orders.size).toBe(1);
      const pf = server.orders.get(o.id)!;
      expect(pf.status).toBe("pending");
      expect(done.fulfilmentId).toBe(String(pf.id));
      expect(done.fulfilmentProvider).toBe("printful");
      expect(server.seen.filter((r) => r.method === "POST" && r.path === "/orders")).toHaveLength(1);
      expect(server.seen.filter((r) => r.path === `/orders/${pf.id}/confirm`)).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 300_000);
});
