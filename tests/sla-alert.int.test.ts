import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { checkSla, SLA_RULE } from "../server/services/alerts/check-sla";
import { makeChains } from "./helpers/growth";

const received: Record<string, unknown>[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push(JSON.parse(body));
    res.writeHead(204).end();
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  process.env.ALERT_WEBHOOK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  process.env.ALERT_EMAIL = "ops@example.test";
  process.env.SLA_PUBLISH_SECONDS = "7200";
  process.env.ALERT_COOLDOWN_MINUTES = "60";
  resetEnvCache();
  await db.alert.deleteMany({ where: { rule: SLA_RULE } });
  await db.publication.deleteMany({ where: { marketplace: "LOCAL", status: "PUBLISHED" } });
});
afterAll(async () => {
  for (const k of ["ALERT_WEBHOOK_URL", "ALERT_EMAIL", "SLA_PUBLISH_SECONDS", "ALERT_COOLDOWN_MINUTES"]) delete process.env[k];
  resetEnvCache();
  await new Promise((r) => server.close(r));
});

/** n storefront publications, each `hours` after its signal arrived, published at `at`. */
async function publish(hours: number, at: Date, n = 1) {
  const chains = await makeChains(n, { signalCreatedAt: new Date(at.getTime() - hours * 3_600_000) });
  await db.publication.createMany({ data: chains.map((c) => ({ listingId: c.listingId, marketplace: "LOCAL" as const, status: "PUBLISHED" as const, publishedAt: at })) });
}

describe("SLA alert", () => {
  it("fires once for a slow publish, stays quiet within the cooldown, and records fired/resolved", async () => {
    const t0 = new Date();
    await publish(0.5, new Date(t0.getTime() - 60_000));
    expect((await checkSla(t0)).fired).toBe(false);

    await publish(5, t0); // 5 h from signal to storefront: p95 over the 2 h SLA
    const first = await checkSla(new Date(t0.getTime() + 1_000));
    expect(first.fired).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ rule: SLA_RULE, status: "FIRING", threshold: 7200 });
    expect(received[0].url).toMatch(/^http.*\/admin\/analytics$/);
    const alert = await db.alert.findUniqueOrThrow({ where: { id: first.alertId! } });
    expect(alert.channels.sort()).toEqual(["email", "webhook"]);
    expect(await db.mailMessage.count({ where: { kind: `alert.${SLA_RULE}`, entityId: alert.id } })).toBe(1);

    // Still slow a minute later: no second alert.
    expect((await checkSla(new Date(t0.getTime() + 60_000))).fired).toBe(false);
    // Back under the SLA (many fast publishes): resolved, with the time.
    await publish(0.2, new Date(t0.getTime() + 120_000), 30);
    const ok = await checkSla(new Date(t0.getTime() + 180_000));
    expect(ok.resolved).toBe(true);
    const resolved = await db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.resolvedAt?.getTime()).toBe(t0.getTime() + 180_000);
    // Slow again within the cooldown: quiet.
    await publish(6, new Date(t0.getTime() + 200_000), 10);
    const quiet = await checkSla(new Date(t0.getTime() + 240_000));
    expect(quiet).toMatchObject({ fired: false, cooldown: true });
    expect(received).toHaveLength(1);
    expect(await db.alert.count({ where: { rule: SLA_RULE } })).toBe(1);
    // After the cooldown it fires again.
    const again = await checkSla(new Date(t0.getTime() + 61 * 60_000));
    expect(again.fired).toBe(true);
    expect(received).toHaveLength(2);
  });
});
