import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadEnvFile } from "./lib/env-file";

// Merchloop command line: `npm run cli -- <command> [options]`.
// Progress goes to stderr; the result to stdout. With --json the last stdout line is one JSON object.
// Add a command by adding an entry to COMMANDS.

type Ctx = { args: string[]; json: boolean };
type Command = { usage: string; summary: string; run(ctx: Ctx): Promise<unknown> };

class UsageError extends Error {}

const err = (s: string) => process.stderr.write(`${s}\n`);
const out = (s: string) => process.stdout.write(`${s}\n`);

const COMMANDS: Record<string, Command> = {
  ingest: {
    usage: "ingest <reddit|rss:<name>|csv|calendar> [--from <file|dir>] [--json]",
    summary: "read a source into signals (duplicates fold into one signal; unsafe content is rejected)",
    async run({ args, json }) {
      const { positionals, values } = parseArgs({ args, allowPositionals: true, strict: true, options: { from: { type: "string" }, json: { type: "boolean" } } });
      const [source, ...extra] = positionals;
      if (!source || extra.length) throw new UsageError("ingest needs exactly one source");
      const { SOURCE_KEY } = await import("../server/services/ingest/sources/registry");
      if (!SOURCE_KEY.test(source)) throw new UsageError(`unknown source "${source}": use reddit, rss:<name>, csv or calendar`);
      if (values.from !== undefined && !existsSync(values.from)) throw new UsageError(`--from ${values.from}: no such file or directory`);
      if (source === "csv" && !values.from) throw new UsageError("ingest csv needs --from <file.csv>");
      const { runIngest } = await import("../server/services/ingest/run-ingest");
      const started = Date.now();
      const summary = await runIngest({
        sourceKey: source,
        from: values.from,
        onProgress: (p) => {
          const s = p.summary;
          const rejected = Object.values(s.rejected).reduce((a, b) => a + b, 0);
          if (p.stage === "read") err(`  read ${p.label}${p.error ? ` — FAILED: ${p.error}` : ""} (total read ${s.read})`);
          if (p.stage === "stored") err(`  stored batch: ${s.new} new, ${s.updated} updated, ${rejected} rejected so far`);
        },
      });
      const rejectedLines = Object.entries(summary.rejected).sort((a, b) => b[1] - a[1]);
      const human = [
        `Ingest of ${source} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  read:     ${summary.read}`,
        `  new:      ${summary.new}`,
        `  updated:  ${summary.updated} (duplicates folded into existing signals)`,
        `  rejected: ${rejectedLines.reduce((a, [, n]) => a + n, 0)}${rejectedLines.length ? "" : " (none)"}`,
        ...rejectedLines.map(([reason, n]) => `    ${reason}: ${n}`),
      ].join("\n");
      if (json) {
        err(human);
        out(JSON.stringify(summary));
      } else out(human);
      return summary;
    },
  },
  score: {
    usage: "score [--json]",
    summary: "score every NEW signal; the best become ideas",
    async run({ args, json }) {
      parseArgs({ args, allowPositionals: false, strict: true, options: { json: { type: "boolean" } } });
      const { scoreNewSignals } = await import("../server/services/scoring/score-signals");
      const r = await scoreNewSignals();
      if (json) out(JSON.stringify(r));
      else out(`Scored ${r.scored} signals; ${r.ideaIds.length} new ideas`);
      return r;
    },
  },
  ask: {
    usage: 'ask "<question>" [--json] | ask --sql "<SQL>" [--json]',
    summary: "answer a question about the shop (or run a SELECT) through the read-only guard; audited like the dashboard",
    async run({ args, json }) {
      const { positionals, values } = parseArgs({ args, allowPositionals: true, strict: true, options: { sql: { type: "string" }, json: { type: "boolean" } } });
      const question = positionals.join(" ").trim();
      if (!question === !values.sql?.trim()) throw new UsageError("ask needs either a question or --sql, not both");
      const { askQuestion } = await import("../server/services/ask/ask-question");
      const { userInfo } = await import("node:os");
      const r = await askQuestion({ question: question || undefined, sql: values.sql, actor: { userId: null, label: `cli:${userInfo().username}` } });
      if (json) {
        out(JSON.stringify(r.ok ? { ok: true, sql: r.sql, columns: r.columns, rows: r.rows, rowCount: r.rowCount, truncated: r.truncated, answer: r.answer } : { ok: false, error: { code: r.error.code, message: r.error.message }, suggestions: r.suggestions }));
      } else if (r.ok) {
        out(`${r.sql}\n`);
        out(formatTable(r.columns, r.rows.slice(0, 50)));
        if (r.rowCount > 50) out(`… ${r.rowCount - 50} more rows (use --json for all)`);
        out(`\n${r.answer}`);
        err(`${r.rowCount} rows in ${r.durationMs} ms`);
      } else {
        out(`${r.error.message}`);
        if (r.sql) out(`\n${r.sql}`);
        for (const s of r.suggestions) out(`  - ${s}`);
      }
      if (!r.ok) process.exitCode = 1;
      return r;
    },
  },
  "rotate-key": {
    usage: "rotate-key [--json]",
    summary: "re-encrypt every stored social credential under the newest key in CREDENTIALS_KEYS (list the new key first, keep the old one until this has run)",
    async run({ args, json }) {
      parseArgs({ args, allowPositionals: false, strict: true, options: { json: { type: "boolean" } } });
      const { rotateKeys } = await import("../server/services/promote/secrets");
      const r = await rotateKeys({ onProgress: (done, total) => err(`  re-encrypted ${done}/${total}`) });
      const human = `Credentials now under key "${r.keyId}": ${r.rotated} re-encrypted, ${r.skipped} changed meanwhile (already under the new key), ${r.remaining} left under an old key`;
      if (json) {
        err(human);
        out(JSON.stringify(r));
      } else out(human);
      if (r.remaining > 0) throw new Error(`${r.remaining} secrets are still under an old key; run rotate-key again`);
      return r;
    },
  },
};

function formatTable(columns: string[], rows: unknown[][]) {
  const cells = [columns, ...rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v))))];
  const widths = columns.map((_, i) => Math.min(40, Math.max(...cells.map((r) => (r[i] ?? "").length))));
  const line = (r: string[]) => r.map((c, i) => c.slice(0, 40).padEnd(widths[i])).join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

function usage() {
  return [
    "Usage: npm run cli -- <command> [options]",
    "",
    "Commands:",
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
    "",
    "Needs DATABASE_URL and REDIS_URL (from the environment or .env).",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    (name ? out : err)(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  loadEnvFile(join(process.cwd(), ".env"));
  // While `npm start` runs its own Postgres/Redis, it leaves their URLs here.
  if (!process.env.DATABASE_URL) loadEnvFile(join(process.cwd(), process.env.DATA_DIR ?? ".data", "services.env"));
  process.env.LOG_LEVEL ??= "warn";
  const missing = ["DATABASE_URL", "REDIS_URL"].filter((k) => !process.env[k]?.trim());
  if (missing.length) {
    err(`${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set. The CLI talks to the same Postgres and Redis as the app:`);
    err(`  export DATABASE_URL=postgresql://user:pass@127.0.0.1:5432/merchloop REDIS_URL=redis://127.0.0.1:6379`);
    err(`  (or put them in .env; while \`npm start\` runs, the CLI finds the services it started by itself)`);
    return 1;
  }
  const json = args.includes("--json");
  try {
    await command.run({ args, json });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      err(`${(e as Error).message}\n\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    const { isAppError } = await import("../server/errors");
    const { EnvError } = await import("../server/env");
    if (isAppError(e) || e instanceof EnvError) err(`Error: ${(e as Error).message}`);
    else err(`Error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  } finally {
    const { closeQueues } = await import("../server/queues/connection");
    const { disconnectDb } = await import("../server/db");
    await Promise.allSettled([closeQueues(), disconnectDb()]);
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Connections are closed above; if a library still holds a handle, do not hang a cron shell.
  setTimeout(() => process.exit(code), 5_000).unref();
});
