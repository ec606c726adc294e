import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "../app/api/commissions/route";
import { GET as statusRoute } from "../app/api/commissions/[token]/route";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { createCommission } from "../server/services/commissions/create-commission";
import { seedTiers } from "../server/services/commissions/seed-tiers";
import { postUrl, redditFixture, useLocalPayments } from "./helpers/commissions";

let safeId: string;
let unsafeId: string;

beforeAll(async () => {
  useLocalPayments();
  const reddit = redditFixture();
  [safeId] = reddit.subreddit("gardening", [{ title: "My tomato plant grew taller than my house" }]);
  [unsafeId] = reddit.subreddit("latenight", [{ title: "A post that is marked adult", over_18: true }]);
  await seedTiers();
});

const count = () => db.commission.count();

describe("createCommission", () => {
  it("seeds the five tiers once and keeps admin edits", async () => {
    await db.commissionTier.update({ where: { slug: "gold" }, data: { priceCents: 2600 } });
    try {
      await seedTiers();
      // Other suites in this database add their own test tiers; look at the seeded ones only.
      const tiers = await db.commissionTier.findMany({ where: { NOT: { slug: { startsWith: "tier-" } } }, orderBy: { sortOrder: "asc" } });
      expect(tiers.map((t) => t.slug)).toEqual(["bronze", "silver", "gold", "sapphire", "diamond"]);
      expect(tiers.find((t) => t.slug === "gold")!.priceCents).toBe(2600);
      expect(tiers.find((t) => t.slug === "bronze")!.allowedTypes).toEqual(["SURPRISE"]);
    } finally {
      await db.commissionTier.update({ where: { slug: "gold" }, data: { priceCents: 2500 } });
    }
  });

  it("creates a POST commission with a checkout session and a private token", async () => {
    const c = await createCommission({ tier: "gold", type: "POST", postUrl: postUrl("gardening", safeId), amountCents: 2500, email: "Shopper@Example.test", message: "For my mum" });
    expect(c.publicToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c.statusUrl).toMatch(new RegExp(`/c/${c.publicToken}$`));
    expect(c.checkoutUrl).toMatch(/\/checkout\/cs_local_/);
    const row = await db.commission.findUniqueOrThrow({ where: { id: c.id }, include: { payments: true } });
    expect(row).toMatchObject({ status: "AWAITING_PAYMENT", amountCents: 2500, type: "POST", subreddit: "gardening", email: "shopper@example.test" });
    expect(row.postUrl).toBe(`https://www.reddit.com/r/gardening/comments/${safeId}/`);
    // A redd.it short link resolves to the same post, stored in the same canonical form.
    const short = await createCommission({ tier: "gold", type: "POST", postUrl: `https://redd.it/${safeId}` });
    expect((await db.commission.findUniqueOrThrow({ where: { id: short.id } })).postUrl).toBe(`https://www.reddit.com/r/gardening/comments/${safeId}/`);
    expect(row.payments).toHaveLength(1);
    expect(row.payments[0]).toMatchObject({ status: "PENDING", provider: "local", amountCents: 2500 });
  });

  it.each([
    [{ tier: "gold", type: "POST", postUrl: postUrl("gardening", safeId), amountCents: 500 }, /Gold tier costs \$25\.00, not \$5\.00/],
    [{ tier: "gold", type: "POST", postUrl: `https://reddit.com.evil.example/r/gardening/comments/${safeId}/` }, /Paste a link to a Reddit post/],
    [{ tier: "gold", type: "POST", postUrl: "javascript:alert(1)//reddit.com/comments/abc123/" }, /Paste a link to a Reddit post/],
    [{ tier: "bronze", type: "SUBREDDIT", subreddit: "gardening" }, /Bronze tier allows surprise commissions only/],
    [{ tier: "silver", type: "SURPRISE", email: "not-an-email" }, /valid email/],
    [{ tier: "silver", type: "SURPRISE", message: "x".repeat(281) }, /280 characters/],
    [{ tier: "silver", type: "SURPRISE", displayName: "x".repeat(41) }, /40 characters/],
    [{ tier: "platinum", type: "SURPRISE" }, /no active tier called "platinum"/],
    [{ tier: "gold", type: "POST" }, /Paste the URL/],
  ])("refuses bad input with a clear message and stores nothing (%#)", async (input, message) => {
    const before = await count();
    await expect(createCommission(input as Parameters<typeof createCommission>[0])).rejects.toThrow(message);
    expect(await count()).toBe(before);
  });

  it("refuses a post that does not exist or is unsafe", async () => {
    const before = await count();
    await expect(createCommission({ tier: "gold", type: "POST", postUrl: postUrl("gardening", "zzzzzz") })).rejects.toThrow(/couldn't find that Reddit post/);
    await expect(createCommission({ tier: "gold", type: "POST", postUrl: postUrl("latenight", unsafeId) })).rejects.toThrow(/can't be commissioned: over_18/);
    expect(await count()).toBe(before);
  });

  it("is the same service behind tRPC and the public API", async () => {
    const viaTrpc = await createCaller({ user: null }).commissions.create({ tier: "silver", type: "SUBREDDIT", subreddit: "r/Gardening" });
    expect((await db.commission.findUniqueOrThrow({ where: { id: viaTrpc.id } })).subreddit).toBe("gardening");
    await expect(createCaller({ user: null }).commissions.create({ tier: "bronze", type: "POST", postUrl: postUrl("gardening", safeId) })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const res = await createRoute(new Request("http://localhost/api/commissions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tier: "gold", type: "POST", postUrl: postUrl("gardening", safeId) }) }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["checkoutUrl", "id", "statusUrl"]);
    const token = body.statusUrl.split("/c/")[1];
    const status = await statusRoute(new Request(body.statusUrl), { params: Promise.resolve({ token }) });
    expect(status.status).toBe(200);
    const s = await status.json();
    expect(s).toMatchObject({ id: body.id, status: "AWAITING_PAYMENT", product: null, refund: null });
    expect(s.stages.map((x: { key: string }) => x.key)).toContain("generating_design");

    const bad = await createRoute(new Request("http://localhost/api/commissions", { method: "POST", body: JSON.stringify({ tier: "gold", type: "POST", postUrl: postUrl("gardening", safeId), amountCents: 100 }) }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/costs \$25\.00/);
    const notJson = await createRoute(new Request("http://localhost/api/commissions", { method: "POST", body: "{" }));
    expect(notJson.status).toBe(400);
    const missing = await statusRoute(new Request("http://localhost/api/commissions/nope"), { params: Promise.resolve({ token: "nope" }) });
    expect(missing.status).toBe(404);
  });
});

describe("admin commission list", () => {
  it("reads a page in a constant number of statements, however many rows it shows", async () => {
    const { statementCounter } = await import("../server/db-adapter");
    const { listCommissions } = await import("../server/services/commissions/queries");
    const measure = async (pageSize: number) => {
      const before = statementCounter.count;
      const page = await listCommissions({ pageSize });
      return { statements: statementCounter.count - before, rows: page.items.length };
    };
    const small = await measure(2);
    const large = await measure(25);
    expect(large.rows).toBeGreaterThan(small.rows);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(6);
  });
});
