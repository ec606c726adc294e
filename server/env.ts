import { z } from "zod";

// One validated environment for web, workers, the CLI and tests. Every external provider defaults to
// its local implementation; setting the provider's keys switches it live.

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalUrl = z.url().optional();
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

    // Processes `npm start` runs (default: the number of cores); read by scripts/start.ts.
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    // Jobs in flight per queue in each worker process (scaled per queue in workers/index.ts).
    WORKER_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    // Queues this worker process serves (comma list; default all): dedicated pools per queue.
    WORKER_QUEUES: z.string().optional(),
    AUTO_APPROVE_IDEAS: bool.optional(),
  })
  .superRefine((e, ctx) => {
    const need = (cond: boolean, key: string, why: string) => {
      if (cond) ctx.addIssue({ code: "custom", path: [key], message: why });
    };
    need(e.REDDIT_PROVIDER === "oauth" && !(e.REDDIT_CLIENT_ID && e.REDDIT_CLIENT_SECRET), "REDDIT_CLIENT_ID", "REDDIT_PROVIDER=oauth needs REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET");
    need((e.IDEA_PROVIDER === "openai" || e.EMBEDDING_PROVIDER === "openai" || e.IMAGE_PROVIDER === "openai") && !e.OPENAI_API_KEY, "OPENAI_API_KEY", "an OpenAI provider is selected but OPENAI_API_KEY is not set");
    need(e.IMAGE_PROVIDER === "sdxl" && !e.SDXL_URL, "SDXL_URL", "IMAGE_PROVIDER=sdxl needs SDXL_URL (an Automatic1111-compatible server)");
    need(e.PAYMENTS_PROVIDER === "stripe" && !e.STRIPE_SECRET_KEY, "STRIPE_SECRET_KEY", "PAYMENTS_PROVIDER=stripe needs STRIPE_SECRET_KEY");
    need(!!e.STRIPE_SECRET_KEY && e.PAYMENTS_PROVIDER !== "local" && !e.STRIPE_WEBHOOK_SECRET, "STRIPE_WEBHOOK_SECRET", "Stripe is live but STRIPE_WEBHOOK_SECRET is not set: webhooks could not be verified");
    need(e.STORAGE_PROVIDER === "s3" && !(e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY), "S3_BUCKET", "STORAGE_PROVIDER=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
    for (const q of (e.WORKER_QUEUES ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
      if (!["ingest", "score", "design", "publish", "commission", "payment", "refund"].includes(q)) need(true, "WORKER_QUEUES", `unknown queue "${q}"`);
    }
    const publishers = e.PUBLISHERS.split(",").map((s) => s.trim()).filter(Boolean);
    for (const p of publishers) {
      if (!["local", "zazzle", "printful"].includes(p)) need(true, "PUBLISHERS", `unknown publisher "${p}" (use local, zazzle, printful)`);
    }
    need(publishers.includes("printful") && !e.PRINTFUL_API_KEY, "PRINTFUL_API_KEY", "PUBLISHERS includes printful but PRINTFUL_API_KEY is not set");
    need(publishers.includes("zazzle") && !e.ZAZZLE_ASSOCIATE_ID, "ZAZZLE_ASSOCIATE_ID", "PUBLISHERS includes zazzle but ZAZZLE_ASSOCIATE_ID is not set");
  });

export type RawEnv = z.infer<typeof schema>;

export type Env = RawEnv & {
  appUrl: string;
  providers: {
    reddit: "local" | "public" | "oauth";
    ideas: "local" | "openai";
    embeddings: "local" | "openai";
    images: "local" | "openai" | "sdxl";
    payments: "local" | "stripe";
    storage: "local" | "s3";
    publishers: Array<"local" | "zazzle" | "printful">;
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
  return {
    ...e,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    providers: {
      reddit: e.REDDIT_PROVIDER ?? (e.REDDIT_CLIENT_ID && e.REDDIT_CLIENT_SECRET ? "oauth" : "local"),
      ideas: e.IDEA_PROVIDER ?? openai,
      embeddings: e.EMBEDDING_PROVIDER ?? openai,
      images: e.IMAGE_PROVIDER ?? (e.SDXL_URL ? "sdxl" : openai),
      payments: e.PAYMENTS_PROVIDER ?? (e.STRIPE_SECRET_KEY ? "stripe" : "local"),
      storage: e.STORAGE_PROVIDER,
      publishers: publishers.length ? publishers : ["local"],
    },
  };
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
