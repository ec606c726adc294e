import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../server/env";

const base = { DATABASE_URL: "postgresql://u@localhost:5432/db", REDIS_URL: "redis://localhost:6379" };

function issuesOf(env: Record<string, string | undefined>) {
  try {
    parseEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).issues;
  }
  throw new Error("expected an EnvError");
}

describe("env", () => {
  it("defaults every provider to its local implementation with no keys", () => {
    const e = parseEnv(base);
    expect(e.providers).toEqual({
      reddit: "local",
      ideas: "local",
      embeddings: "local",
      ask: "local",
      images: "local",
      payments: "local",
      storage: "local",
      mail: "local",
      publishers: ["local"],
      fulfilment: "local",
      promoteWriter: "local",
    });
    expect(e.appUrl).toBe("http://localhost:3000");
    expect(e.LOCAL_FULFILMENT_STEP_SECONDS).toBe(60);
  });

  it("needs a Printful key and webhook secret for Printful fulfilment", () => {
    expect(() => parseEnv({ ...base, FULFILMENT_PROVIDER: "printful" })).toThrow(/PRINTFUL_API_KEY[\s\S]*PRINTFUL_WEBHOOK_SECRET/);
    const e = parseEnv({ ...base, FULFILMENT_PROVIDER: "printful", PRINTFUL_API_KEY: "k", PRINTFUL_WEBHOOK_SECRET: "a-long-enough-secret" });
    expect(e.providers.fulfilment).toBe("printful");
  });

  it("checks CREDENTIALS_KEYS entries: id:base64 of 32 bytes", () => {
    const good = `k1:${Buffer.alloc(32, 7).toString("base64")}`;
    expect(parseEnv({ ...base, CREDENTIALS_KEYS: good }).CREDENTIALS_KEYS).toBe(good);
    expect(() => parseEnv({ ...base, CREDENTIALS_KEYS: `k1:${Buffer.alloc(16).toString("base64")}` })).toThrow(/CREDENTIALS_KEYS/);
    expect(() => parseEnv({ ...base, CREDENTIALS_KEYS: "no-colon" })).toThrow(/CREDENTIALS_KEYS/);
  });

  it("goes live when keys are set", () => {
    const e = parseEnv({ ...base, OPENAI_API_KEY: "sk-x", STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x", REDDIT_CLIENT_ID: "id", REDDIT_CLIENT_SECRET: "s" });
    expect(e.providers).toMatchObject({ reddit: "oauth", ideas: "openai", embeddings: "openai", images: "openai", payments: "stripe", promoteWriter: "openai" });
    expect(parseEnv({ ...base, SMTP_URL: "smtp://u:p@mail.example.com:587" }).providers.mail).toBe("smtp");
  });

  it("names the missing variable and why", () => {
    const issues = issuesOf({ REDIS_URL: base.REDIS_URL });
    expect(issues.join("\n")).toMatch(/^DATABASE_URL: DATABASE_URL is required/m);
  });

  it("names a wrong value", () => {
    expect(issuesOf({ ...base, PORT: "seventy" }).join()).toMatch(/PORT/);
    expect(issuesOf({ ...base, REDIS_URL: "localhost:6379" }).join()).toMatch(/REDIS_URL must start with redis:\/\//);
    expect(issuesOf({ ...base, PUBLISHERS: "local,etsy" }).join()).toMatch(/PUBLISHERS: unknown publisher "etsy"/);
  });

  it("refuses a selected provider without its keys", () => {
    expect(issuesOf({ ...base, PAYMENTS_PROVIDER: "stripe" }).join()).toMatch(/STRIPE_SECRET_KEY/);
    expect(issuesOf({ ...base, IMAGE_PROVIDER: "sdxl" }).join()).toMatch(/SDXL_URL/);
    expect(issuesOf({ ...base, STRIPE_SECRET_KEY: "sk_test_x" }).join()).toMatch(/STRIPE_WEBHOOK_SECRET/);
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ ...base, OPENAI_API_KEY: "  " }).providers.ideas).toBe("local");
  });

  describe("production", () => {
    const prod = { ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "a-production-secret-0123" };
    const live = { STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" };

    it("refuses to start without live payment keys unless PAYMENTS_PROVIDER=local is explicit", () => {
      expect(issuesOf(prod).join()).toMatch(/PAYMENTS_PROVIDER: production needs live payment keys/);
      const demo = parseEnv({ ...prod, PAYMENTS_PROVIDER: "local" });
      expect([demo.providers.payments, demo.paymentsLivemode]).toEqual(["local", false]);
    });

    it("refuses Stripe test keys unless a staging deployment says so", () => {
      expect(issuesOf({ ...prod, ...live, STRIPE_SECRET_KEY: "sk_test_abc" }).join()).toMatch(/test-mode key/);
      expect(parseEnv({ ...prod, ...live, STRIPE_SECRET_KEY: "sk_test_abc", PAYMENTS_ALLOW_TEST_KEYS: "true" }).paymentsLivemode).toBe(false);
      expect(parseEnv({ ...prod, ...live }).paymentsLivemode).toBe(true);
    });

    it("requires NEXTAUTH_SECRET", () => {
      expect(issuesOf({ ...prod, ...live, NEXTAUTH_SECRET: undefined }).join()).toMatch(/NEXTAUTH_SECRET is required in production/);
    });
  });

  it("expects test-mode webhooks with test keys and the local provider", () => {
    expect(parseEnv(base).paymentsLivemode).toBe(false);
    expect(parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" }).paymentsLivemode).toBe(false);
    expect(parseEnv({ ...base, STRIPE_SECRET_KEY: "rk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" }).paymentsLivemode).toBe(true);
  });
});
