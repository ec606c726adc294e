import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { markCommissionPaid } from "../server/services/commissions/mark-paid";
import { awaitingCommission, postUrl, redditFixture, useLocalPayments } from "./helpers/commissions";
import { waitFor } from "./helpers/wait";

// The done-when of the commissions issue: a real worker process is SIGKILLed in the middle of a
// commission; after a restart the commission finishes with exactly one product and no refund.

const root = join(__dirname, "..");
const children: ChildProcess[] = [];

function startWorker() {
  const child = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "workers/index.ts")], {
    cwd: root,
    env: { ...process.env, WORKER_LOCK_MS: "2000", WORKER_JOB_CONCURRENCY: "1", LOG_LEVEL: "warn" },
    detached: true, // own process group: SIGKILL reaches tsx and the node process it runs
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

describe("a worker killed mid-commission", () => {
  it("resumes after a restart without a duplicate product or refund", async () => {
    useLocalPayments();
    const reddit = redditFixture();
    const [postId] = reddit.subreddit("crashtestgardens", [{ title: "My tomato plant finally produced one single tomato" }]);
    const c = await awaitingCommission({ tier: "gold", type: "POST", postUrl: postUrl("crashtestgardens", postId) });
    await markCommissionPaid({ commissionId: c.id, sessionId: c.sessionId, paymentIntentId: `pi_crash_${c.id}`, amountTotal: c.amountCents, currency: "usd", provider: "local" });

    const first = startWorker();
    // Kill it as soon as the design is being generated (real work in flight, nothing published yet).
    await waitFor("the design stage", () => db.commissionEvent.findFirst({ where: { commissionId: c.id, type: "generating_design" } }), 90_000);
    killGroup(first, "SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const mid = await db.commission.findUniqueOrThrow({ where: { id: c.id } });
    expect(mid.status).not.toBe("COMPLETED");
    expect(mid.productId).toBeNull();

    startWorker();
    const done = await waitFor("completion", async () => {
      const row = await db.commission.findUniqueOrThrow({ where: { id: c.id } });
      return ["COMPLETED", "REFUNDED", "REFUND_PENDING"].includes(row.status) ? row : null;
    }, 90_000);

    expect(done.status).toBe("COMPLETED");
    expect(done.productId).not.toBeNull();
    const ideas = await db.idea.findMany({ where: { commissions: { some: { id: c.id } } }, include: { designs: { include: { listing: { include: { product: true } } } } } });
    expect(ideas).toHaveLength(1);
    expect(ideas[0].designs).toHaveLength(1);
    expect(ideas[0].designs[0].listing?.product?.id).toBe(done.productId);
    expect(await db.product.count({ where: { listing: { design: { ideaId: ideas[0].id } } } })).toBe(1);
    expect(await db.refund.count({ where: { commissionId: c.id } })).toBe(0);
    expect(await db.payment.count({ where: { commissionId: c.id } })).toBe(1);
    const doneEvents = await db.commissionEvent.count({ where: { commissionId: c.id, type: "done" } });
    expect(doneEvents).toBe(1);
  });
});
