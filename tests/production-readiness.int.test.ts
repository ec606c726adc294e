import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { productionReadiness } from "../server/services/system/production-readiness";

// /api/production-readiness: every check pass/fail with the fix, never a secret's value.

const saved = { ...process.env };
// Each check is bounded in time; open the connection first so a cold start is not what is measured.
beforeAll(() => db.$queryRawUnsafe("select 1"));
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("production readiness", () => {
  it("passes what the test database has (migrations, read-only role) and names the fix for the rest", async () => {
    const r = await productionReadiness();
    const by = Object.fromEntries(r.checks.map((c) => [c.name, c]));
    expect(by["migrations applied"], by["migrations applied"].detail).toMatchObject({ ok: true, fix: null });
    expect(by["read-only role for Ask"]).toMatchObject({ ok: true, fix: null, detail: expect.stringContaining("analytics views only") });
    expect(by["live payment keys"]).toMatchObject({ ok: false, fix: expect.stringContaining("sk_live_") });
    expect(by["public APP_URL"]).toMatchObject({ ok: false, fix: expect.stringContaining("https://") });
    expect(by["durable storage"]).toMatchObject({ ok: false, fix: expect.stringContaining("STORAGE_PROVIDER=s3") });
    expect(r.ok).toBe(false);
    expect(r.checks.every((c) => (c.ok ? c.fix === null : !!c.fix))).toBe(true);
  });

  it("judges secrets by strength without ever printing them", async () => {
    Object.assign(process.env, { NEXTAUTH_SECRET: "Zq8#vL2!pR7@kM4$wN9^tB3&xC6*yD1%", STRIPE_SECRET_KEY: "sk_live_abcdefghijklmnop", STRIPE_WEBHOOK_SECRET: "whsec_abcdefghijklmnop", APP_URL: "https://shop.example.com" });
    resetEnvCache();
    const r = await productionReadiness();
    const by = Object.fromEntries(r.checks.map((c) => [c.name, c]));
    expect(by["session secret is strong"].ok).toBe(true);
    expect(by["cron secret is strong"]).toMatchObject({ ok: false });
    expect(by["live payment keys"].ok).toBe(true);
    expect(by["Stripe webhook secret"].ok).toBe(true);
    expect(by["public APP_URL"].ok).toBe(true);
    const text = JSON.stringify(r);
    for (const secret of ["Zq8#vL2", "sk_live_abc", "whsec_abc", "test-cron-secret"]) expect(text).not.toContain(secret);
  });
});
