import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pgPool } from "../server/db";
import { resetEnvCache } from "../server/env";
import { askQuestion } from "../server/services/ask/ask-question";
import { seedAskData } from "./helpers/ask";
import { makeUser } from "./helpers/factories";

// Offline Ask end to end (translator → guard → read-only role) on seeded data. Every answer is
// compared with SQL written here against the base tables (not the analytics views), so a wrong
// view, a wrong filter or a wrong period shows up as a mismatch.

let community: string;
let admin: { id: string; email: string };

// Periods exactly as the semantic layer defines them (UTC; "last N days/weeks/months" = N whole buckets including the current one).
const lastDays = (col: string, n: number) => `${col} >= date_trunc('day', now()) - interval '${n - 1} days'`;
const thisX = (col: string, x: string) => `${col} >= date_trunc('${x}', now())`;
const lastX = (col: string, x: string) => `${col} >= date_trunc('${x}', now()) - interval '1 ${x}' and ${col} < date_trunc('${x}', now())`;

const PAY = `payments p left join commissions c on c.id = p."commissionId" left join commission_tiers t on t.id = c."tierId" left join signals s on s.id = c."signalId" left join donations d on d.id = p."donationId"`;
const PAY_COMMUNITY = `coalesce(c.subreddit, s.community, d.subreddit)`;
const NET = `round(coalesce(sum(p."amountCents" - p."refundedCents"), 0) / 100.0, 2)`;
const COM = `commissions c join commission_tiers t on t.id = c."tierId" left join signals s on s.id = c."signalId"`;
const PUB = `publications pb join listings l on l.id = pb."listingId" join designs ds on ds.id = l."designId" join ideas i on i.id = ds."ideaId" join signals s on s.id = i."signalId"`;

type Case = { q: string; sql: string | null; ordered?: boolean };

const cases = (): Case[] => [
  { q: "how many commissions", sql: `select count(*) from commissions` },
  { q: "How many commissions in the last 7 days?", sql: `select count(*) from commissions where ${lastDays(`"createdAt"`, 7)}` },
  { q: "commissions by tier", sql: `select t.slug, count(*) from ${COM} group by 1` },
  { q: "how many refunded commissions this month", sql: `select count(*) from commissions where status = 'REFUNDED' and ${thisX(`"createdAt"`, "month")}` },
  { q: "how many gold commissions", sql: `select count(*) from ${COM} where t.slug = 'gold'` },
  { q: "commissions by status in the last 30 days", sql: `select status::text, count(*) from commissions where ${lastDays(`"createdAt"`, 30)} group by 1` },
  { q: "daily commissions for the last 14 days", sql: `select date_trunc('day', "createdAt")::date::text, count(*) from commissions where ${lastDays(`"createdAt"`, 14)} group by 1 order by 1`, ordered: true },
  { q: "commissions this week vs last week", sql: `select 'this week', count(*) from commissions where ${thisX(`"createdAt"`, "week")} union all select 'last week', count(*) from commissions where ${lastX(`"createdAt"`, "week")}`, ordered: true },
  { q: "average commission amount by tier", sql: `select t.slug, round(avg(c."amountCents") / 100.0, 2) from ${COM} where c."paidAt" is not null group by 1` },
  { q: "what is the average commission amount", sql: `select round(avg("amountCents") / 100.0, 2) from commissions where "paidAt" is not null` },
  { q: `how many commissions for r/${"COMMUNITY"}`, sql: `select count(*) from ${COM} where coalesce(c.subreddit, s.community) = '${"COMMUNITY"}'` },
  { q: "revenue", sql: `select ${NET} from ${PAY} where p."paidAt" is not null` },
  { q: "revenue by week for the last 8 weeks", sql: `select date_trunc('week', p."paidAt")::date::text, ${NET} from ${PAY} where p."paidAt" is not null and p."paidAt" >= date_trunc('week', now()) - interval '7 weeks' group by 1 order by 1`, ordered: true },
  { q: "revenue this month vs last month", sql: `select 'this month', ${NET} from ${PAY} where p."paidAt" is not null and ${thisX(`p."paidAt"`, "month")} union all select 'last month', ${NET} from ${PAY} where p."paidAt" is not null and ${lastX(`p."paidAt"`, "month")}`, ordered: true },
  { q: "revenue by day for the last 30 days", sql: `select date_trunc('day', p."paidAt")::date::text, ${NET} from ${PAY} where p."paidAt" is not null and ${lastDays(`p."paidAt"`, 30)} group by 1 order by 1`, ordered: true },
  { q: "top 5 communities by revenue", sql: `select ${PAY_COMMUNITY}, ${NET} as r from ${PAY} where p."paidAt" is not null group by 1 order by r desc nulls last, 1 limit 5`, ordered: true },
  { q: "revenue by tier this month", sql: `select t.slug, ${NET} from ${PAY} where p."paidAt" is not null and ${thisX(`p."paidAt"`, "month")} group by 1` },
  { q: "commission revenue last month", sql: `select ${NET} from ${PAY} where p."paidAt" is not null and p."donationId" is null and ${lastX(`p."paidAt"`, "month")}` },
  { q: "revenue from donations", sql: `select ${NET} from ${PAY} where p."paidAt" is not null and p."donationId" is not null` },
  { q: "monthly revenue", sql: `select date_trunc('month', p."paidAt")::date::text, ${NET} from ${PAY} where p."paidAt" is not null group by 1 order by 1`, ordered: true },
  { q: `revenue in r/${"COMMUNITY"} in the last 8 weeks`, sql: `select ${NET} from ${PAY} where p."paidAt" is not null and ${PAY_COMMUNITY} = '${"COMMUNITY"}' and p."paidAt" >= date_trunc('week', now()) - interval '7 weeks'` },
  { q: "bottom 3 tiers by revenue", sql: `select t.slug, ${NET} as r from ${PAY} where p."paidAt" is not null group by 1 order by r asc nulls last, 1 limit 3`, ordered: true },
  { q: "how many payments", sql: `select count(*) from payments` },
  { q: "payments by status", sql: `select status::text, count(*) from payments group by 1` },
  { q: "how many refunded payments", sql: `select count(*) from payments where "refundedCents" > 0` },
  { q: "how much was donated", sql: `select round(coalesce(sum("amountCents"), 0) / 100.0, 2) from donations where status = 'PAID'` },
  { q: "how much was donated by community", sql: `select subreddit, round(coalesce(sum("amountCents"), 0) / 100.0, 2) from donations where status = 'PAID' group by 1` },
  { q: "donations by status", sql: `select status::text, count(*) from donations group by 1` },
  { q: `how many donations in r/${"COMMUNITY"}`, sql: `select count(*) from donations where subreddit = '${"COMMUNITY"}'` },
  { q: "total refunded this month", sql: `select round(coalesce(sum("amountCents"), 0) / 100.0, 2) from refunds where status = 'SUCCEEDED' and ${thisX(`"createdAt"`, "month")}` },
  { q: "how many refunds", sql: `select count(*) from refunds` },
  { q: "refunds by status", sql: `select status::text, count(*) from refunds group by 1` },
  { q: "ideas by status", sql: `select status::text, count(*) from ideas group by 1` },
  { q: "ideas by product type", sql: `select pt, count(*) from ideas, unnest("productTypes") pt group by 1` },
  { q: "how many mug ideas", sql: `select count(*) from ideas where 'mug' = any("productTypes")` },
  { q: "how many approved ideas this week", sql: `select count(*) from ideas where status = 'APPROVED' and ${thisX(`"createdAt"`, "week")}` },
  { q: "designs by status", sql: `select status::text, count(*) from designs group by 1` },
  { q: "how many failed designs", sql: `select count(*) from designs where status = 'FAILED'` },
  { q: "average design duration", sql: `select round(avg(extract(epoch from ("finishedAt" - "startedAt")))::numeric, 1) from designs` },
  { q: "publications by marketplace", sql: `select marketplace::text, count(*) from ${PUB} group by 1` },
  { q: "how many publications failed", sql: `select count(*) from ${PUB} where pb.status = 'FAILED'` },
  { q: "how many zazzle publications", sql: `select count(*) from ${PUB} where pb.marketplace = 'ZAZZLE'` },
  { q: `how many signals in r/${"COMMUNITY"}`, sql: `select count(*) from signals where community = '${"COMMUNITY"}'` },
  { q: "which community has the most signals", sql: `select community, count(*) as n from signals group by 1 order by n desc nulls last, 1 limit 1`, ordered: true },
  { q: "signals by status", sql: `select status::text, count(*) from signals group by 1` },
  { q: "how many rejected signals last week", sql: `select count(*) from signals where status = 'REJECTED' and ${lastX(`"createdAt"`, "week")}` },
  { q: "signals by source", sql: `select src.key, count(*) from signals s join sources src on src.id = s."sourceId" group by 1` },
  { q: "average signal score", sql: `select round(avg(b.total)::numeric, 3) from signals s left join score_breakdowns b on b."signalId" = s.id` },
  { q: "how many products", sql: `select count(*) from products` },
  { q: "how many listings this month", sql: `select count(*) from listings where ${thisX(`"createdAt"`, "month")}` },
  // not answerable: must say so, never guess
  { q: "what is our margin by month", sql: null },
  { q: "show me customer emails", sql: null },
  { q: "how many unicorns were sold", sql: null },
  { q: "revenue by shopper", sql: null },
];

const norm = (v: unknown) => {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number(v.toFixed(3));
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return Number(Number(v).toFixed(3));
  return String(v);
};
const normRows = (rows: unknown[][], ordered: boolean) => {
  const out = rows.map((r) => JSON.stringify(r.map(norm)));
  return ordered ? out : out.sort();
};

beforeAll(async () => {
  process.env.ASK_RATE_LIMIT_PER_MINUTE = "10000";
  resetEnvCache();
  const seeded = await seedAskData();
  community = seeded.communities[0];
  admin = await makeUser("ADMIN");
}, 120_000);

afterAll(() => {
  delete process.env.ASK_RATE_LIMIT_PER_MINUTE;
  resetEnvCache();
});

describe("Ask offline: everyday questions against SQL written by hand", () => {
  it("answers at least 90% correctly and says \"I can't\" for the rest, never a wrong answer", async () => {
    const all = cases().map((c) => ({ ...c, q: c.q.replace(/COMMUNITY/g, community), sql: c.sql?.replace(/COMMUNITY/g, community) ?? null }));
    const answerable = all.filter((c) => c.sql);
    expect(answerable.length).toBeGreaterThanOrEqual(40);
    const client = await pgPool().connect();
    await client.query("set timezone = 'UTC'");
    const wrong: string[] = [];
    let correct = 0;
    let cannot = 0;
    try {
      for (const c of all) {
        const r = await askQuestion({ question: c.q, actor: { userId: admin.id, label: admin.email } });
        if (!c.sql) {
          if (r.ok) wrong.push(`${c.q}: answered instead of "I can't" (${r.sql})`);
          else expect(r.error.code, c.q).toBe("CANNOT_ANSWER");
          continue;
        }
        if (!r.ok) {
          if (r.error.code === "CANNOT_ANSWER") cannot++;
          else wrong.push(`${c.q}: ${r.error.code} ${r.error.message}`);
          continue;
        }
        const expected = await client.query({ text: c.sql, rowMode: "array" });
        const got = normRows(r.rows, !!c.ordered);
        const want = normRows(expected.rows as unknown[][], !!c.ordered);
        if (JSON.stringify(got) === JSON.stringify(want)) correct++;
        else wrong.push(`${c.q}:\n  got  ${got.slice(0, 6).join(" ")}\n  want ${want.slice(0, 6).join(" ")}\n  sql ${r.sql}`);
      }
    } finally {
      client.release();
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    expect(correct + cannot).toBe(answerable.length);
    expect(correct / answerable.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it("gives a sentence, a line chart for a time series and audits who asked what", async () => {
    const r = await askQuestion({ question: "revenue by week for the last 8 weeks", actor: { userId: admin.id, label: admin.email } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.rowCount).toBeGreaterThan(1);
    expect(r.chart).toEqual({ kind: "line", x: "week", y: ["revenue"] });
    expect(r.answer).toMatch(/^Revenue in the last 8 weeks over \d+ weeks: \$[\d,.]+ in all/);
    const bars = await askQuestion({ question: "commissions by tier", actor: { userId: admin.id, label: admin.email } });
    expect(bars.ok && bars.chart).toEqual({ kind: "bar", x: "tier", y: ["commissions"] });
    const log = await db.auditLog.findFirstOrThrow({ where: { actorId: admin.id, action: "ask.query" }, orderBy: { createdAt: "desc" } });
    expect(log.data).toMatchObject({ question: "commissions by tier", verdict: "answered", rows: expect.any(Number), sql: expect.stringContaining("analytics.commissions"), durationMs: expect.any(Number) });
  });

  it("refuses hostile hand-written SQL with the rule, audits the refusal, and changes nothing", async () => {
    const before = await db.user.count();
    const r = await askQuestion({ sql: "delete from users", actor: { userId: admin.id, label: admin.email } });
    expect(r).toMatchObject({ ok: false, error: { code: "REFUSED", rule: "only-select" } });
    const t = await askQuestion({ sql: "select password_hash from users", actor: { userId: admin.id, label: admin.email } });
    expect(t).toMatchObject({ ok: false, error: { code: "REFUSED", message: "Table `users` is not available." } });
    expect(await db.user.count()).toBe(before);
    const log = await db.auditLog.findFirstOrThrow({ where: { actorId: admin.id, action: "ask.query" }, orderBy: { createdAt: "desc" } });
    expect(log.data).toMatchObject({ sql: "select password_hash from users", verdict: "refused", rule: "relation" });
  });

  it("answers \"I can't answer that yet\" with the nearest questions it can answer", async () => {
    const r = await askQuestion({ question: "what is our profit margin on mugs", actor: { userId: admin.id, label: admin.email } });
    expect(r).toMatchObject({ ok: false, error: { code: "CANNOT_ANSWER", message: expect.stringMatching(/^I can't answer that yet: margin needs costs/) } });
    expect(r.ok || r.suggestions.length).toBe(3);
  });

  it("limits how often one admin may ask", async () => {
    process.env.ASK_RATE_LIMIT_PER_MINUTE = "2";
    resetEnvCache();
    try {
      const someone = await makeUser("ADMIN");
      const ask = () => askQuestion({ question: "how many ideas", actor: { userId: someone.id, label: someone.email } });
      expect((await ask()).ok).toBe(true);
      expect((await ask()).ok).toBe(true);
      expect(await ask()).toMatchObject({ ok: false, error: { code: "TOO_MANY_REQUESTS" } });
      const other = await makeUser("ADMIN");
      expect((await askQuestion({ question: "how many ideas", actor: { userId: other.id, label: other.email } })).ok).toBe(true);
    } finally {
      process.env.ASK_RATE_LIMIT_PER_MINUTE = "10000";
      resetEnvCache();
    }
  });
});
