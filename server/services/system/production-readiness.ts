import { db } from "../../db";
import { env, type Env } from "../../env";
import { redis } from "../../queues/connection";
import { ASK_ROLE } from "../ask/run-sql";
import { APPLIED_MIGRATIONS_SQL, missingMigrations } from "./migrations";
import { workerHeartbeat } from "./status";

// What a live deployment needs, each check pass/fail with the fix (admin only, never a secret's
// value). /api/ready answers "can this instance serve?"; this answers "is it safe to take money?".

export type ReadinessCheck = { name: string; ok: boolean; detail: string; fix: string | null };

const WEAK = /^(changeme|change-me|secret|password|test|example|dev|development)/i;
const strong = (s: string | undefined, min: number) => !!s && s.length >= min && !WEAK.test(s) && new Set(s).size >= 10;

function configChecks(e: Env): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  const add = (name: string, ok: boolean, detail: string, fix: string) => checks.push({ name, ok, detail, fix: ok ? null : fix });
  add("NODE_ENV is production", e.NODE_ENV === "production", `NODE_ENV=${e.NODE_ENV}`, "Run with NODE_ENV=production (npm start and the Dockerfile do).");
  add("session secret is strong", strong(e.NEXTAUTH_SECRET, 32), e.NEXTAUTH_SECRET ? `NEXTAUTH_SECRET has ${e.NEXTAUTH_SECRET.length} characters` : "NEXTAUTH_SECRET is not set", "Set NEXTAUTH_SECRET to 32+ random characters: openssl rand -base64 48");
  add("cron secret is strong", strong(e.CRON_SECRET, 24), e.CRON_SECRET ? `CRON_SECRET has ${e.CRON_SECRET.length} characters` : "CRON_SECRET is not set", "Set CRON_SECRET to 24+ random characters: openssl rand -hex 24");
  const url = e.APP_URL ? new URL(e.APP_URL) : null;
  const publicUrl = !!url && url.protocol === "https:" && !/^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(url.hostname);
  add("public APP_URL", publicUrl, e.APP_URL ? `APP_URL=${e.APP_URL}` : "APP_URL is not set (links point at localhost)", "Set APP_URL to the public https:// address shoppers use (status links, Stripe redirects and emails are built from it).");
  const key = e.STRIPE_SECRET_KEY ?? "";
  const live = e.providers.payments === "stripe" && /^(sk|rk)_live_/.test(key);
  add("live payment keys", live, e.providers.payments === "stripe" ? `Stripe ${key.startsWith("sk_test_") || key.startsWith("rk_test_") ? "test" : key ? "live" : "no"} key` : "payments use the local test checkout", "Set STRIPE_SECRET_KEY to a live key (sk_live_… or a restricted rk_live_…).");
  add("Stripe webhook secret", e.providers.payments === "stripe" && /^whsec_/.test(e.STRIPE_WEBHOOK_SECRET ?? ""), e.STRIPE_WEBHOOK_SECRET ? "STRIPE_WEBHOOK_SECRET is set" : "STRIPE_WEBHOOK_SECRET is not set", `Create a webhook endpoint for ${e.appUrl}/api/webhooks/stripe in the Stripe dashboard and set STRIPE_WEBHOOK_SECRET to its whsec_… signing secret.`);
  // Mail settings belong to the email feature; read whichever it defines.
  const mail = e as unknown as Record<string, unknown>;
  const smtp = mail.SMTP_URL ?? mail.SMTP_HOST;
  add("SMTP", !!smtp, smtp ? "SMTP is configured" : "no SMTP server configured", "Set SMTP_URL (smtp://user:pass@host:587) so receipts and status emails are delivered.");
  add("durable storage", e.STORAGE_PROVIDER === "s3", `STORAGE_PROVIDER=${e.STORAGE_PROVIDER}`, "Use STORAGE_PROVIDER=s3 with S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: local files vanish with the container.");
  return checks;
}

async function check(name: string, fix: string, fn: () => Promise<{ ok: boolean; detail: string }>): Promise<ReadinessCheck> {
  try {
    const r = await Promise.race([fn(), new Promise<never>((_, rej) => setTimeout(() => rej(new Error("no answer within 5 s")), 5000).unref())]);
    return { name, ok: r.ok, detail: r.detail, fix: r.ok ? null : fix };
  } catch (e) {
    return { name, ok: false, detail: (e as Error).message, fix };
  }
}

export async function productionReadiness(): Promise<{ ok: boolean; checks: ReadinessCheck[] }> {
  const e = env();
  const live = await Promise.all([
    check("live mode consistent", "Use a live Stripe key with the live webhook secret; test-mode events must not reach a live deployment.", async () => {
      const key = e.STRIPE_SECRET_KEY ?? "";
      const keyLive = /^(sk|rk)_live_/.test(key);
      const last = await db.stripeEvent.findFirst({ orderBy: { receivedAt: "desc" }, select: { livemode: true } });
      if (e.providers.payments !== "stripe") return { ok: false, detail: "payments are local (test checkout)" };
      if (!last) return { ok: keyLive, detail: `key is ${keyLive ? "live" : "test"}; no webhook received yet` };
      return { ok: keyLive === last.livemode, detail: `key is ${keyLive ? "live" : "test"}, last webhook was ${last.livemode ? "live" : "test"}` };
    }),
    check("migrations applied", "Run npm run db:migrate (npm start does it before serving).", async () => {
      const rows = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(APPLIED_MIGRATIONS_SQL);
      const missing = missingMigrations(rows.map((r) => r.migration_name));
      return { ok: missing.length === 0, detail: missing.length ? `not applied: ${missing.join(", ")}` : "all applied" };
    }),
    check(
      "read-only role for Ask",
      `As a superuser: CREATE ROLE ${ASK_ROLE} NOLOGIN; GRANT ${ASK_ROLE} TO <app user>; then as the app user: SELECT ask_exec.install();`,
      async () => {
        const [r] = await db.$queryRawUnsafe<Array<{ owner: string | null; users: boolean | null; analytics: boolean | null }>>(
          `select (select pg_get_userbyid(p.proowner) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'ask_exec' and p.proname = 'run') as owner,
                  (select has_table_privilege('${ASK_ROLE}', 'public.users', 'SELECT') where exists (select 1 from pg_roles where rolname = '${ASK_ROLE}')) as users,
                  (select has_schema_privilege('${ASK_ROLE}', 'analytics', 'USAGE') where exists (select 1 from pg_roles where rolname = '${ASK_ROLE}')) as analytics`,
        );
        const ok = r.owner === ASK_ROLE && r.users === false && r.analytics === true;
        return { ok, detail: ok ? `${ASK_ROLE} runs Ask queries and can read the analytics views only` : `runner owned by ${r.owner ?? "nobody"}; role ${r.analytics === null ? "missing" : r.users ? "can read users (too broad)" : "present"}` };
      },
    ),
    check("backups configured", "Enable continuous backups: WAL archiving (archive_mode=on with pgBackRest/wal-g) or your provider's point-in-time recovery.", async () => {
      const [r] = await db.$queryRawUnsafe<Array<{ archive_mode: string }>>(`select current_setting('archive_mode') as archive_mode`);
      return { ok: r.archive_mode !== "off", detail: `archive_mode=${r.archive_mode}` };
    }),
    check("Redis persistence", "Turn on Redis AOF (appendonly yes) so queued jobs survive a restart; docker-compose and npm start do.", async () => {
      const res = (await redis().config("GET", "appendonly")) as string[];
      return { ok: res[1] === "yes", detail: `appendonly=${res[1] ?? "unknown"}` };
    }),
    check("worker running", "Start the worker (npm start runs it; in containers the worker service).", async () => {
      const hb = await workerHeartbeat();
      const age = hb ? (Date.now() - Date.parse(hb.at)) / 1000 : null;
      return { ok: age !== null && age < 120, detail: age === null ? "no worker heartbeat" : `last heartbeat ${Math.round(age)} s ago` };
    }),
  ]);
  const checks = [...configChecks(e), ...live];
  return { ok: checks.every((c) => c.ok), checks };
}
