import { z } from "zod";

// One validated environment for web, workers, the CLI and tests. Every external provider defaults to
// its local implementation; setting the provider's keys switches it live.

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalUrl = z.url().optional();
const count = (def: number) => z.coerce.number().int().min(1).max(1_000_000).default(def);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: optionalUrl,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATA_DIR: z.string().default(".data"),

    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (npm start provides an embedded Postgres when it is unset)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgresql://"),
    REDIS_URL: z
      .string({ error: "REDIS_URL is required (npm start runs a local redis-server when it is unset)" })
      .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://"),

    NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
    NEXTAUTH_URL: optionalUrl,
    ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an email address").optional(),
    ADMIN_PASSWORD: z.string().min(10, "ADMIN_PASSWORD must be at least 10 characters").optional(),
    CRON_SECRET: z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),

    // Reddit: local (shipped listing files) | public (listing JSON over HTTPS) | oauth (snoowrap)
    REDDIT_PROVIDER: z.enum(["local", "public", "oauth"]).optional(),
    REDDIT_CLIENT_ID: z.string().optional(),
    REDDIT_CLIENT_SECRET: z.string().optional(),
    REDDIT_USERNAME: z.string().optional(),
    REDDIT_PASSWORD: z.string().optional(),
    REDDIT_USER_AGENT: z.string().default("merchloop/0.1 (by merchloop)"),
    REDDIT_BASE_URL: z.url().default("https://www.reddit.com"),
    REDDIT_LOCAL_DIR: z.string().default("data/reddit"),
    INGEST_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),

    // OpenAI: ideas, images and embeddings go live when a key is set
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.string().default("gpt-4o-mini"),
    OPENAI_IMAGE_MODEL: z.string().default("gpt-image-1"),
    OPENAI_EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
    IDEA_PROVIDER: z.enum(["local", "openai"]).optional(),
    EMBEDDING_PROVIDER: z.enum(["local", "openai"]).optional(),
    IMAGE_PROVIDER: z.enum(["local", "openai", "sdxl"]).optional(),
    SDXL_URL: optionalUrl,

    // Payments
    PAYMENTS_PROVIDER: z.enum(["local", "stripe"]).optional(),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    STRIPE_API_BASE: optionalUrl,
    STRIPE_AUTOMATIC_TAX: bool.default(false),

    // Shop fulfilment: local (simulated print shop) | printful (orders API)
    FULFILMENT_PROVIDER: z.enum(["local", "printful"]).optional(),
    LOCAL_FULFILMENT_STEP_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
    PRINTFUL_WEBHOOK_SECRET: z.string().min(16, "PRINTFUL_WEBHOOK_SECRET must be at least 16 characters").optional(),

    // Publishing
    PUBLISHERS: z.string().default("local"),
    PRINTFUL_API_KEY: z.string().optional(),
    PRINTFUL_BASE_URL: z.url().default("https://api.printful.com"),
    PRINTFUL_STORE_ID: z.string().optional(),
    ZAZZLE_ASSOCIATE_ID: z.string().optional(),

    // Storage
    STORAGE_PROVIDER: z.enum(["local", "s3"]).default("local"),
    S3_BUCKET: z.string().optional(),
    S3_ENDPOINT: optionalUrl,
    S3_REGION: z.string().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_PUBLIC_URL: optionalUrl,

    // Mail: the local outbox (read it in the dashboard) unless SMTP_URL is set
    MAIL_PROVIDER: z.enum(["local", "smtp"]).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
    MAIL_FROM: z.string().default("Merchloop <shop@merchloop.local>"),
    // Ask your data: question → SQL (local semantic layer unless OpenAI is keyed), limits per query and admin
    ASK_PROVIDER: z.enum(["local", "openai"]).optional(),
    ASK_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1000),
    ASK_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    ASK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),

    // Growth loop: SLA alert, where alerts go, nightly weight learning
    SLA_PUBLISH_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(7_200),
    ALERT_COOLDOWN_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
    ALERT_EMAIL: z.email("ALERT_EMAIL must be an email address").optional(),
    ALERT_WEBHOOK_URL: optionalUrl,
    LEARN_WEIGHTS_CRON: z.string().default("0 3 * * *"),
    // Hardening (README → Security): proxies, bearer for /api/status and /api/metrics, limits
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    LOCAL_WEBHOOK_SECRET: z.string().min(16).optional(),
    PAYMENTS_ALLOW_TEST_KEYS: bool.optional(),
    RATE_LIMIT_SIGNIN_PER_ACCOUNT: count(10),
    RATE_LIMIT_SIGNIN_PER_IP: count(30),
    RATE_LIMIT_CREATE_PER_IP: count(10),
    RATE_LIMIT_API_PER_IP: count(300),
    RATE_LIMIT_SSE_PER_TOKEN: count(3),
    RATE_LIMIT_SSE_PER_IP: count(10),
    TRPC_MAX_BATCH: z.coerce.number().int().min(10, "TRPC_MAX_BATCH must be at least 10 (the dashboard batches up to 10 calls)").max(100).default(10),
    // Promoters: credential keys "id:base64-32-bytes[,id:key…]", the first seals new secrets
    CREDENTIALS_KEYS: z.string().optional(),
    PROMOTE_WRITER: z.enum(["local", "openai"]).optional(),
    PROMOTE_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    PROMOTE_RESULTS_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),

    // Redis key prefix for queues and limits (tests and benches give each run its own)
    QUEUE_PREFIX: z.string().regex(/^[\w.-]{1,64}$/, "QUEUE_PREFIX: letters, digits, dot, dash, underscore").default("merchloop"),
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
    // How often a worker re-enqueues stored Stripe events that never got a job (e.g. Redis was down)
    WORKER_REQUEUE_MS: z.coerce.number().int().min(1000).default(15_000),
    // Per-process copy of cached pages, in MB (read by server/cache/redis-cache-handler.cjs); 0 turns it off.
    LOCAL_CACHE_MB: z.coerce.number().int().min(0, "LOCAL_CACHE_MB must be 0 or more").max(4096).default(64),
    // Per-process copy of gallery pages' HTML that the web server sends without Next, in MB (same reader).
    LOCAL_PAGE_CACHE_MB: z.coerce.number().int().min(0, "LOCAL_PAGE_CACHE_MB must be 0 or more").max(4096).default(24),
    // Set by scripts/web.ts (the production web server) for the Next app it hosts.
    MERCHLOOP_WEB_SERVER: bool.optional(),
    // Processes `npm start` runs (default: the number of cores); read by scripts/start.ts.
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    // Jobs in flight per queue in each worker process (scaled per queue in workers/index.ts).
    WORKER_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    // Queues this worker process serves (comma list; default all): dedicated pools per queue.
    WORKER_QUEUES: z.string().optional(),
    // CPU priority of worker processes (nice, 0–19). On a box shared with web processes (npm start
    // sets 10), background work yields the cores to requests waiting on an answer.
    WORKER_NICE: z.coerce.number().int().min(0, "WORKER_NICE must be 0–19").max(19, "WORKER_NICE must be 0–19").default(0),
    AUTO_APPROVE_IDEAS: bool.optional(),
  })
  .superRefine((e, ctx) => {
    const need = (cond: boolean, key: string, why: string) => {
      if (cond) ctx.addIssue({ code: "custom", path: [key], message: why });
    };
    need(e.REDDIT_PROVIDER === "oauth" && !(e.REDDIT_CLIENT_ID && e.REDDIT_CLIENT_SECRET), "REDDIT_CLIENT_ID", "REDDIT_PROVIDER=oauth needs REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET");
    need((e.IDEA_PROVIDER === "openai" || e.ASK_PROVIDER === "openai" || e.EMBEDDING_PROVIDER === "openai" || e.IMAGE_PROVIDER === "openai") && !e.OPENAI_API_KEY, "OPENAI_API_KEY", "an OpenAI provider is selected but OPENAI_API_KEY is not set");
    need(e.IMAGE_PROVIDER === "sdxl" && !e.SDXL_URL, "SDXL_URL", "IMAGE_PROVIDER=sdxl needs SDXL_URL (an Automatic1111-compatible server)");
    need(e.PROMOTE_WRITER === "openai" && !e.OPENAI_API_KEY, "OPENAI_API_KEY", "PROMOTE_WRITER=openai needs OPENAI_API_KEY");
    if (e.CREDENTIALS_KEYS) {
      for (const part of e.CREDENTIALS_KEYS.split(",").map((s) => s.trim()).filter(Boolean)) {
        const [id, key] = part.split(":");
        if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || !key || Buffer.from(key, "base64").length !== 32) {
          need(true, "CREDENTIALS_KEYS", 'each entry must be "<id>:<base64 of 32 random bytes>" (make one: openssl rand -base64 32)');
          break;
        }
      }
    }
    need(e.PAYMENTS_PROVIDER === "stripe" && !e.STRIPE_SECRET_KEY, "STRIPE_SECRET_KEY", "PAYMENTS_PROVIDER=stripe needs STRIPE_SECRET_KEY");
    need(!!e.STRIPE_SECRET_KEY && e.PAYMENTS_PROVIDER !== "local" && !e.STRIPE_WEBHOOK_SECRET, "STRIPE_WEBHOOK_SECRET", "Stripe is live but STRIPE_WEBHOOK_SECRET is not set: webhooks could not be verified");
    need(e.MAIL_PROVIDER === "smtp" && !e.SMTP_URL, "SMTP_URL", "MAIL_PROVIDER=smtp needs SMTP_URL (smtp://user:pass@host:587)");
    need(e.STORAGE_PROVIDER === "s3" && !(e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY), "S3_BUCKET", "STORAGE_PROVIDER=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
    // No free money: a production deployment takes real payments unless the operator opts in.
    const payments = e.PAYMENTS_PROVIDER ?? (e.STRIPE_SECRET_KEY ? "stripe" : "local");
    if (e.NODE_ENV === "production") {
      need(!e.PAYMENTS_PROVIDER && payments === "local", "PAYMENTS_PROVIDER", "production needs live payment keys (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET); to run the local test checkout where anyone can \"pay\" without money, set PAYMENTS_PROVIDER=local explicitly");
      need(payments === "stripe" && !stripeLive(e.STRIPE_SECRET_KEY) && !e.PAYMENTS_ALLOW_TEST_KEYS, "STRIPE_SECRET_KEY", "production with a Stripe test-mode key lets anyone pay with a test card; use a live key (sk_live_…) or set PAYMENTS_ALLOW_TEST_KEYS=true for a staging deployment");
      need(!e.NEXTAUTH_SECRET, "NEXTAUTH_SECRET", "NEXTAUTH_SECRET is required in production (at least 16 random characters; npm start generates one)");
    }
    for (const q of (e.WORKER_QUEUES ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
      if (!["ingest", "score", "design", "publish", "commission", "payment", "refund", "fulfilment", "fulfilment-event", "local-fulfilment", "growth", "promote", "socialPost", "socialSweep"].includes(q)) need(true, "WORKER_QUEUES", `unknown queue "${q}"`);
    }
    const publishers = e.PUBLISHERS.split(",").map((s) => s.trim()).filter(Boolean);
    for (const p of publishers) {
      if (!["local", "zazzle", "printful"].includes(p)) need(true, "PUBLISHERS", `unknown publisher "${p}" (use local, zazzle, printful)`);
    }
    need(publishers.includes("printful") && !e.PRINTFUL_API_KEY, "PRINTFUL_API_KEY", "PUBLISHERS includes printful but PRINTFUL_API_KEY is not set");
    need(e.FULFILMENT_PROVIDER === "printful" && !e.PRINTFUL_API_KEY, "PRINTFUL_API_KEY", "FULFILMENT_PROVIDER=printful needs PRINTFUL_API_KEY");
    need(e.FULFILMENT_PROVIDER === "printful" && !e.PRINTFUL_WEBHOOK_SECRET, "PRINTFUL_WEBHOOK_SECRET", "FULFILMENT_PROVIDER=printful needs PRINTFUL_WEBHOOK_SECRET (the token in the webhook URL Printful calls)");
    need(publishers.includes("zazzle") && !e.ZAZZLE_ASSOCIATE_ID, "ZAZZLE_ASSOCIATE_ID", "PUBLISHERS includes zazzle but ZAZZLE_ASSOCIATE_ID is not set");
  });

/** Stripe live-mode keys; test keys (sk_test_, rk_test_) and anything else are test mode. */
export const stripeLive = (key: string | undefined) => !!key && /^(sk|rk)_live_/.test(key);

export type RawEnv = z.infer<typeof schema>;

export type Env = RawEnv & {
  appUrl: string;
  /** The livemode webhooks must carry: true only with live Stripe keys (test keys and local: false). */
  paymentsLivemode: boolean;
  providers: {
    reddit: "local" | "public" | "oauth";
    ideas: "local" | "openai";
    embeddings: "local" | "openai";
    ask: "local" | "openai";
    images: "local" | "openai" | "sdxl";
    payments: "local" | "stripe";
    storage: "local" | "s3";
    mail: "local" | "smtp";
    publishers: Array<"local" | "zazzle" | "printful">;
    fulfilment: "local" | "printful";
    promoteWriter: "local" | "openai";
  };
};

export class EnvError extends Error {
  constructor(public issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, blankToUndefined(v)]));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  const e = result.data;
  const openai = e.OPENAI_API_KEY ? "openai" : "local";
  const publishers = e.PUBLISHERS.split(",").map((s) => s.trim()).filter(Boolean) as Env["providers"]["publishers"];
  const payments = e.PAYMENTS_PROVIDER ?? (e.STRIPE_SECRET_KEY ? "stripe" : "local");
  return {
    ...e,
    paymentsLivemode: payments === "stripe" && stripeLive(e.STRIPE_SECRET_KEY),
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    providers: {
      reddit: e.REDDIT_PROVIDER ?? (e.REDDIT_CLIENT_ID && e.REDDIT_CLIENT_SECRET ? "oauth" : "local"),
      ideas: e.IDEA_PROVIDER ?? openai,
      embeddings: e.EMBEDDING_PROVIDER ?? openai,
      ask: e.ASK_PROVIDER ?? openai,
      images: e.IMAGE_PROVIDER ?? (e.SDXL_URL ? "sdxl" : openai),
      payments,
      storage: e.STORAGE_PROVIDER,
      mail: e.MAIL_PROVIDER ?? (e.SMTP_URL ? "smtp" : "local"),
      publishers: publishers.length ? publishers : ["local"],
      fulfilment: e.FULFILMENT_PROVIDER ?? "local",
      promoteWriter: e.PROMOTE_WRITER ?? openai,
    },
  };
}

/**
 * What the logger needs before (or without) a valid configuration: read leniently so a bad variable
 * can still be reported through the log.
 */
export function logSettings() {
  const level = process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info");
  const worker = /workers[\\/]index\.ts$/.test(process.argv[1] ?? "");
  return { level, svc: process.env.MERCHLOOP_PROCESS ?? (worker ? "worker" : "web") };
}

let cached: Env | undefined;

/** The environment, parsed once per process. Throws EnvError naming each bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvCache() {
  cached = undefined;
}
