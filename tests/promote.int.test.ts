import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { connectAccount, createBrand, reconnectAccount } from "../server/services/promote/accounts";
import { draftPromotionsForListing } from "../server/services/promote/draft-promotions";
import { approvePosts, editPost } from "../server/services/promote/review-posts";
import { parseKeyring, unseal } from "../server/services/promote/secrets";
import { sendPost } from "../server/services/promote/send-post";
import { sweepDuePosts } from "../server/services/promote/sweep";
import { queuePublications } from "../server/services/publishing/queue-publications";
import { runPublication } from "../server/services/publishing/run-publication";
import { json, startServer } from "./contract/social-servers";
import { makeTier } from "./helpers/commissions";
import { makeUser, uid } from "./helpers/factories";
import { makeListing } from "./helpers/listings";

// The promoters end to end on real Postgres and Redis: credentials sealed at rest and rotated by the
// CLI, drafting with tracked links and moderation, approval → slot → posting (idempotent, even after a
// worker died mid-post), needs-reconnect, a platform's rate-limit answer, caps and commission opt-in.

const key = () => randomBytes(32).toString("base64");
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;

async function publishedProduct(title?: string) {
  const { listing, idea } = await makeListing({ title });
  const [pub] = await queuePublications({ listingId: listing.id, enqueue: false });
  await runPublication(pub.id);
  const product = await db.product.findUniqueOrThrow({ where: { listingId: listing.id } });
  return { listing, idea, product };
}

let mastodon: Awaited<ReturnType<typeof startServer>>;
const masto = { mode: "ok" as "ok" | "expired" | "limited", statuses: 0 };

beforeAll(async () => {
  process.env.CREDENTIALS_KEYS = K1;
  resetEnvCache();
  mastodon = await startServer((req, res, _body, url) => {
    if (url.pathname === "/oauth/token") return json(res, 400, { error: "invalid_grant" });
    if (url.pathname === "/api/v2/media") return json(res, 200, { id: "m1", type: "image" });
    if (masto.mode === "expired" || req.headers.authorization !== "Bearer tok-live") return json(res, 401, { error: "The access token expired" });
    if (masto.mode === "limited") return json(res, 429, { error: "Too many requests" }, { "x-ratelimit-reset": new Date(Date.now() + 47 * 60_000).toISOString() });
    masto.statuses++;
    return json(res, 200, { id: `s${masto.statuses}`, uri: `https://m.test/s${masto.statuses}`, url: `https://m.test/@shop/s${masto.statuses}` });
  });
});
afterAll(() => mastodon.close());

const newBrand = () => createBrand({ name: uid("Brand ") });

describe("credentials at rest", () => {
  it("are sealed with AES-256-GCM under a key id; rotate-key re-seals every one under the new key", async () => {
    const brand = await newBrand();
    const plain = { client_secret: `cs-${uid()}-secret-value`, refresh_token: `rt-${uid()}-refresh-token` };
    const a = await connectAccount({ brandId: brand.id, platform: "REDDIT", handle: uid("u/bot"), clientId: "cid", secrets: plain, communities: ["cats"] });
    const raw = await db.$queryRaw<Array<{ keyId: string; ciphertext: string; last4: string; name: string }>>`select "keyId", ciphertext, last4, name from social_secrets where "accountId" = ${a.id}`;
    expect(raw).toHaveLength(2);
    for (const r of raw) {
      expect(r.keyId).toBe("k1");
      expect(r.ciphertext).not.toContain(plain[r.name as keyof typeof plain]);
      expect(Buffer.from(r.ciphertext, "base64").toString("latin1")).not.toContain(plain[r.name as keyof typeof plain]);
      expect(r.last4).toBe(plain[r.name as keyof typeof plain].slice(-4));
    }

    // The CLI, as an operator runs it: new key first, old key still listed.
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/cli.ts", "rotate-key", "--json"], { env: { ...process.env, CREDENTIALS_KEYS: `${K2},${K1}` } });
    const summary = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(summary).toMatchObject({ keyId: "k2", remaining: 0 });
    expect(summary.rotated).toBeGreaterThanOrEqual(2);

    const all = await db.socialSecret.findMany();
    const onlyNew = parseKeyring(K2);
    const oldUnderNewName = parseKeyring(`k2:${K1.split(":")[1]}`);
    for (const s of all) {
      expect(s.keyId).toBe("k2");
      expect(() => unseal(s, oldUnderNewName)).toThrow();
      expect(() => unseal(s, parseKeyring(K1))).toThrow(/not in CREDENTIALS_KEYS/);
    }
    const mine = all.filter((s) => s.accountId === a.id);
    expect(Object.fromEntries(mine.map((s) => [s.name, unseal(s, onlyNew)]))).toEqual(plain);
    process.env.CREDENTIALS_KEYS = `${K2},${K1}`;
    resetEnvCache();
  }, 90_000);
});

describe("drafting, approval and posting", () => {
  it("drafts with the tracked link and image, then approve → slot → posted to the outbox once, with an audit trail", async () => {
    const admin = await makeUser("ADMIN");
    const brand = await newBrand();
    const a = await connectAccount({ brandId: brand.id, platform: "OUTBOX", handle: uid("shop-"), hashtags: ["#catmerch"], minIntervalMinutes: 0 }, admin.id);
    expect(a.autoPost).toBe(false); // dry run by default
    const { listing, product } = await publishedProduct();
    const r = await draftPromotionsForListing(listing.id);
    expect(r.kind).toBe("PRODUCT");
    const draft = await db.promoPost.findUniqueOrThrow({ where: { dedupeKey: `${a.id}:${product.id}:PRODUCT` } });
    expect(draft.status).toBe("DRAFT");
    expect(draft.link).toContain(`/products/${product.slug}?tc=${a.trackingCode}`);
    expect(draft.body).toContain(draft.link!);
    expect(draft.body).toContain("#catmerch");
    expect(draft.imageKey).toBe(product.coverKey);
    // Drafting again makes nothing new.
    await draftPromotionsForListing(listing.id);
    expect(await db.promoPost.count({ where: { accountId: a.id } })).toBe(1);

    await editPost(draft.id, { body: `${draft.body} Edited.` }, admin.id);
    const { approved } = await approvePosts([draft.id], admin.id);
    expect(approved).toBe(1);
    const scheduled = await db.promoPost.findUniqueOrThrow({ where: { id: draft.id } });
    expect(scheduled.status).toBe("SCHEDULED");
    expect(scheduled.scheduledAt!.getTime()).toBeLessThanOrEqual(Date.now());

    // Two deliveries of the same job at once: one post.
    const outcomes = await Promise.all([sendPost(draft.id), sendPost(draft.id)]);
    expect(outcomes.filter((o) => o === "posted")).toHaveLength(1);
    const posted = await db.promoPost.findUniqueOrThrow({ where: { id: draft.id } });
    expect(posted.status).toBe("POSTED");
    const row = await db.outboxPost.findUniqueOrThrow({ where: { id: posted.externalId! } });
    expect(row.body).toContain("Edited.");
    expect(posted.externalUrl).toContain(`/outbox/${row.id}`);

    const trail = await db.auditLog.findMany({ where: { entityType: "social_account", entityId: a.id }, orderBy: { createdAt: "asc" } });
    expect(trail.map((t) => t.action)).toEqual(["promote.account_connect", "promote.draft", "promote.edit", "promote.approve", "promote.schedule", "promote.post"]);
    expect(trail.find((t) => t.action === "promote.approve")!.actorId).toBe(admin.id);
  });

  it("a worker killed after the platform accepted the post resumes without posting twice", async () => {
    const brand = await newBrand();
    const a = await connectAccount({ brandId: brand.id, platform: "OUTBOX", handle: uid("shop-"), minIntervalMinutes: 0 });
    const { listing, product } = await publishedProduct();
    await draftPromotionsForListing(listing.id);
    const post = await db.promoPost.findUniqueOrThrow({ where: { dedupeKey: `${a.id}:${product.id}:PRODUCT` } });
    await approvePosts([post.id], null);
    // The dead attempt: the platform stored the post, the worker died before recording it.
    await db.outboxPost.create({ data: { handle: a.handle, idempotencyKey: post.id, body: post.body } });
    await db.$executeRaw`update promo_posts set status = 'POSTING', attempts = 1, "updatedAt" = now() - interval '10 minutes' where id = ${post.id}`;
    const sweep = await sweepDuePosts();
    expect(sweep.recovered).toBeGreaterThanOrEqual(1);
    expect(await sendPost(post.id)).toBe("posted");
    expect(await db.outboxPost.count({ where: { idempotencyKey: post.id } })).toBe(1);
  });

  it("an expired token whose refresh fails marks the account needs-reconnect; its post waits and goes out after reconnecting", async () => {
    const brand = await newBrand();
    const a = await connectAccount({ brandId: brand.id, platform: "MASTODON", handle: uid("@shop@"), serviceUrl: mastodon.base, clientId: "app", secrets: { access_token: "tok-old", refresh_token: "rt-dead", client_secret: "cs" }, minIntervalMinutes: 0 });
    const { listing, product } = await publishedProduct();
    await draftPromotionsForListing(listing.id);
    const post = await db.promoPost.findUniqueOrThrow({ where: { dedupeKey: `${a.id}:${product.id}:PRODUCT` } });
    await approvePosts([post.id], null);
    expect(await sendPost(post.id)).toBe("waiting");
    expect((await db.socialAccount.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("NEEDS_RECONNECT");
    const waiting = await db.promoPost.findUniqueOrThrow({ where: { id: post.id } });
    expect(waiting).toMatchObject({ status: "SCHEDULED", waitReason: expect.stringMatching(/reconnect/) });
    expect(await sendPost(post.id)).toBe("waiting"); // still not dropped

    await reconnectAccount(a.id, { access_token: "tok-live" });
    expect(await sendPost(post.id)).toBe("posted");
    const actions = (await db.auditLog.findMany({ where: { entityId: a.id }, orderBy: { createdAt: "asc" } })).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(["promote.needs_reconnect", "promote.wait", "promote.credential_set", "promote.reconnected", "promote.post"]));
  });

  it("a platform rate-limit answer reschedules the post at the time the platform gave", async () => {
    const brand = await newBrand();
    const a = await connectAccount({ brandId: brand.id, platform: "MASTODON", handle: uid("@shop@"), serviceUrl: mastodon.base, secrets: { access_token: "tok-live" }, minIntervalMinutes: 0 });
    const { listing, product } = await publishedProduct();
    await draftPromotionsForListing(listing.id);
    const post = await db.promoPost.findUniqueOrThrow({ where: { dedupeKey: `${a.id}:${product.id}:PRODUCT` } });
    await approvePosts([post.id], null);
    masto.mode = "limited";
    try {
      expect(await sendPost(post.id)).toBe("rescheduled");
    } finally {
      masto.mode = "ok";
    }
    const later = await db.promoPost.findUniqueOrThrow({ where: { id: post.id } });
    expect(later.status).toBe("SCHEDULED");
    const wait = later.scheduledAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(46 * 60_000);
    expect(wait).toBeLessThanOrEqual(47 * 60_000);
    expect(await sendPost(post.id)).toBe("not_due");
  });

  it("a denylisted product is drafted BLOCKED with the reason; a spent cap stops drafting and says why", async () => {
    const brand = await newBrand();
    const a = await connectAccount({ brandId: brand.id, platform: "OUTBOX", handle: uid("shop-") });
    const capped = await connectAccount({ brandId: brand.id, platform: "OUTBOX", handle: uid("shop-"), dailyCapCents: 0 });
    const { listing, product } = await publishedProduct("Marvel fan loaf tee");
    const r = await draftPromotionsForListing(listing.id);
    const blocked = await db.promoPost.findUniqueOrThrow({ where: { dedupeKey: `${a.id}:${product.id}:PRODUCT` } });
    expect(blocked).toMatchObject({ status: "BLOCKED", blockReason: "denylist:marvel" });
    expect(r.outcomes.find((o) => o.accountId === capped.id)).toMatchObject({ status: "skipped", reason: expect.stringMatching(/daily cap/) });
    expect(await db.auditLog.count({ where: { entityId: capped.id, action: "promote.cap_hit" } })).toBe(1);
    expect((await approvePosts([blocked.id], null)).approved).toBe(0);
  });

  it("a commission's product is promoted only with the shopper's opt-in, and only once completed", async () => {
    const brand = await newBrand();
    const a = await connectAccount({ brandId: brand.id, platform: "OUTBOX", handle: uid("shop-") });
    const tier = await makeTier();
    const mk = async (optIn: boolean, status: "IN_PROGRESS" | "COMPLETED") => {
      const { listing, idea, product } = await publishedProduct();
      await db.commission.create({ data: { publicToken: uid("tok"), tierId: tier.id, type: "SURPRISE", amountCents: 500, status, ideaId: idea.id, productId: product.id, promoteOptIn: optIn } });
      return { listing, product };
    };
    const no = await mk(false, "COMPLETED");
    expect((await draftPromotionsForListing(no.listing.id)).reason).toMatch(/did not opt in/);
    const running = await mk(true, "IN_PROGRESS");
    await expect(draftPromotionsForListing(running.listing.id)).rejects.toThrow(/not completed/);
    const yes = await mk(true, "COMPLETED");
    expect((await draftPromotionsForListing(yes.listing.id)).kind).toBe("COMMISSION");
    expect(await db.promoPost.count({ where: { accountId: a.id, kind: "COMMISSION", productId: yes.product.id } })).toBe(1);
    expect(await db.promoPost.count({ where: { accountId: a.id, productId: { in: [no.product.id, running.product.id] } } })).toBe(0);
  });
});
