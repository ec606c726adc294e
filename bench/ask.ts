/**
 * Ask benchmark: the guard's parse-and-check time and offline question → answer time on seeded data.
 * Figures only, no assertions.
 *
 *   npx tsx bench/ask.ts
 *
 * Knobs: BENCH_SCALE (20: ~1,600 commissions, ~1,200 signals, ~600 donations), BENCH_GUARD_ROUNDS (200),
 * BENCH_ASK_ROUNDS (5).
 */
import { cpus, loadavg } from "node:os";
import { benchDatabase, fmt, machine, summarize } from "./lib";

const SCALE = Number(process.env.BENCH_SCALE ?? 20);
const GUARD_ROUNDS = Number(process.env.BENCH_GUARD_ROUNDS ?? 200);
const ASK_ROUNDS = Number(process.env.BENCH_ASK_ROUNDS ?? 5);

async function main() {
  console.log(`machine: ${machine()}`);
  await benchDatabase("ask");
  process.env.ASK_RATE_LIMIT_PER_MINUTE = "10000";
  const { seedAskData } = await import("../tests/helpers/ask");
  const { checkSql, loadGuard } = await import("../server/services/ask/guard");
  const { parseSync } = await import("libpg-query");
  const { translate } = await import("../server/providers/sql-writer/translate");
  const { EXAMPLE_QUESTIONS } = await import("../server/providers/sql-writer/semantic-layer");
  const { askQuestion } = await import("../server/services/ask/ask-question");
  const { catalogue, viewNames } = await import("../server/services/ask/catalogue");
  const { disconnectDb, pgPool } = await import("../server/db");
  const { closeQueues } = await import("../server/queues/connection");

  const t0 = performance.now();
  await seedAskData({ scale: SCALE });
  console.log(`seeded scale ${SCALE} in ${fmt((performance.now() - t0) / 1000)} s`);
  await loadGuard();
  const views = viewNames(await catalogue());

  // 1. guard: parse + check, on the translator's queries plus hostile ones
  const statements = [
    ...EXAMPLE_QUESTIONS.map((q) => translate(q)).flatMap((d) => (d.kind === "sql" ? [d.sql] : [])),
    "with x as (delete from users returning *) select * from x",
    "select * from U&\"\\0070g_authid\"",
    "select pg_read_file('/etc/passwd')",
    "select * from analytics.payments for update",
  ];
  const guard: number[] = [];
  const guardCpu: number[] = [];
  const parseOnly: number[] = [];
  for (let r = 0; r < GUARD_ROUNDS; r++) {
    for (const s of statements) {
      let t = performance.now();
      parseSync(s);
      parseOnly.push(performance.now() - t);
      t = performance.now();
      const cpu = process.cpuUsage();
      checkSql(s, views);
      guard.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      guardCpu.push((used.user + used.system) / 1000);
    }
  }
  const g = summarize(guard);
  const p = summarize(parseOnly);
  console.log(`guard parse+check: n=${g.n} p50 ${fmt(g.p50, 3)} ms, p99 ${fmt(g.p99, 3)} ms, max ${fmt(g.max, 2)} ms (target p99 ≤ 5 ms)`);
  const gc = summarize(guardCpu);
  console.log(`  the same calls in CPU time of this process (excludes time the OS gave other processes): p50 ${fmt(gc.p50, 3)} ms, p99 ${fmt(gc.p99, 3)} ms`);
  console.log(`  load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`);
  console.log(`  yardstick, libpg-query parse alone: p50 ${fmt(p.p50, 3)} ms, p99 ${fmt(p.p99, 3)} ms`);

  // 2. offline question → answer: translate, guard, run as the role, describe, audit
  const actor = { userId: null, label: "bench" };
  for (const q of EXAMPLE_QUESTIONS) await askQuestion({ question: q, actor }); // warm
  const ask: number[] = [];
  const sqlOnly: number[] = [];
  for (let r = 0; r < ASK_ROUNDS; r++) {
    for (const q of EXAMPLE_QUESTIONS) {
      let t = performance.now();
      const res = await askQuestion({ question: q, actor });
      ask.push(performance.now() - t);
      if (!res.ok) throw new Error(`${q}: ${res.error.message}`);
      t = performance.now();
      await pgPool().query(res.sql);
      sqlOnly.push(performance.now() - t);
    }
  }
  const a = summarize(ask);
  const y = summarize(sqlOnly);
  console.log(`offline question → answer: n=${a.n} (${EXAMPLE_QUESTIONS.length} questions × ${ASK_ROUNDS}) p50 ${fmt(a.p50)} ms, p95 ${fmt(a.p95)} ms, max ${fmt(a.max)} ms (target p95 ≤ 300 ms)`);
  console.log(`  yardstick, the same SQL run directly as the app user: p50 ${fmt(y.p50)} ms, p95 ${fmt(y.p95)} ms`);
  await Promise.allSettled([closeQueues(), disconnectDb()]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
