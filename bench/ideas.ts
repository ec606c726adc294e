/**
 * Offline idea writer benchmark: writes ideas for every demo post (data/reddit/) over and over on
 * one core and prints ideas/s, side by side with its yardsticks: the tagging alone with wink-nlp
 * (what the writer uses) and with compromise (the library it was measured against). No database.
 * Figures only, no assertions. Target: ≥ 2,000 ideas/s on one core.
 *
 *   npx tsx bench/ideas.ts
 *
 * Knobs: BENCH_ROUNDS (20).
 */
import nlp from "compromise";
import { writeLocalIdea } from "../server/providers/ideas/local";
import { tag } from "../server/providers/ideas/tagger";
import { printablePosts, screenWith, shippedDenylist } from "../tests/helpers/reddit-posts";
import { loadavg } from "node:os";
import { machine } from "./lib";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function rate(label: string, n: number, fn: (i: number) => void) {
  // Warm up with one full pass first: the JIT needs a few thousand calls; a worker runs for hours.
  const c0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const cold = (n / (performance.now() - c0)) * 1000;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // Per CPU-second is what one core does when it is ours; wall-clock shows what this shared box gave us.
  const perCpuS = (n / cpuMs) * 1000;
  const f = (x: number) => Math.round(x).toLocaleString("en-US").padStart(8);
  console.log(`${label.padEnd(62)} ${f(perCpuS)} /CPU-s  ${f((n / ms) * 1000)} /wall-s   (n=${n}; cold first pass ${f(cold)} /wall-s)`);
  return perCpuS;
}

function main() {
  console.log(`machine: ${machine()} (one core: this loop is single-threaded); load average ${loadavg()[0].toFixed(1)}`);
  const denylist = shippedDenylist();
  const posts = printablePosts(denylist);
  const screen = screenWith(denylist);
  const texts = posts.map((p) => `${p.title}\n${p.body}`);
  const n = posts.length * ROUNDS;
  console.log(`${posts.length} demo posts (those ingestion keeps) × ${ROUNDS} rounds`);
  const families = ["role", "club", "own", null];
  const ideas = rate("local writer: ideas (phrases + templates + re-tag + denylist)", n, (i) => {
    const p = posts[i % posts.length];
    writeLocalIdea({ signalId: `${p.id}-${i}`, title: p.title, body: p.body, community: p.community, keywords: [], style: null, previousFamily: families[i % 4], screen });
  });
  rate("yardstick: wink-nlp tagging only, posts", n, (i) => tag(texts[i % texts.length]));
  rate("yardstick: compromise tagging only, posts", Math.ceil(n / 4), (i) => nlp(texts[i % texts.length]).json());
  console.log(`target ≥ 2,000 ideas/s on one core (per CPU-second): ${ideas >= 2000 ? "met" : "NOT met"}`);
}

main();
