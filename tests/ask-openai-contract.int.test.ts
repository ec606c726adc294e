import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvCache } from "../server/env";
import { resetOpenAI } from "../server/providers/openai/client";
import { ASK_SCHEMA_NAME } from "../server/providers/sql-writer/openai";
import { askQuestion } from "../server/services/ask/ask-question";
import { startOpenAIServer } from "./contract/openai-server";
import { makeUser } from "./helpers/factories";

// The live path through the official SDK against a local server speaking the chat completions API:
// structured output, the catalogue in the prompt, and one repair round when the guard refuses.

let server: Awaited<ReturnType<typeof startOpenAIServer>>;
const saved = { ...process.env };
let admin: { id: string; email: string };

beforeAll(async () => {
  server = await startOpenAIServer();
  Object.assign(process.env, { OPENAI_API_KEY: "sk-test-contract", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "gpt-ask-contract", ASK_RATE_LIMIT_PER_MINUTE: "1000" });
  resetEnvCache();
  resetOpenAI();
  admin = await makeUser("ADMIN");
});

afterAll(async () => {
  await server.close();
  process.env = saved;
  resetEnvCache();
  resetOpenAI();
});

const reply = (o: { answerable?: boolean; sql: string; explanation: string }) => JSON.stringify({ answerable: true, ...o });

describe("Ask with an OpenAI-compatible model", () => {
  it("sends the catalogue and schema, runs the model's SQL through the guard, and answers", async () => {
    server.replyWith(reply({ sql: "SELECT count(*) AS ideas FROM analytics.ideas", explanation: "Counts ideas." }));
    const start = server.requests.length;
    const r = await askQuestion({ question: "how many ideas do we have?", actor: { userId: admin.id, label: admin.email } });
    expect(r).toMatchObject({ ok: true, sql: "SELECT count(*) AS ideas FROM analytics.ideas", explanation: "Counts ideas.", columns: ["ideas"], writer: "openai:gpt-ask-contract" });
    expect(r.ok && r.rows[0][0]).toBe(await db.idea.count());
    const calls = server.requests.slice(start);
    expect(calls).toHaveLength(1);
    const body = calls[0].body as { model: string; response_format: { type: string; json_schema: { name: string; strict: boolean; schema: { required: string[] } } }; messages: Array<{ role: string; content: string }> };
    expect(body.model).toBe("gpt-ask-contract");
    expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: ASK_SCHEMA_NAME, strict: true, schema: { required: ["answerable", "sql", "explanation"] } } });
    const system = body.messages.find((m) => m.role === "system")!.content;
    expect(system).toContain("analytics.payments (~");
    expect(system).toContain("net_cents integer -- kept after refunds in cents");
    expect(system).not.toMatch(/password|passwordHash|public_token|publicToken/i);
    expect(body.messages.find((m) => m.role === "user")!.content).toBe("Question: how many ideas do we have?");
  });

  it("sends a refused query back once with the guard's reason, then runs the repaired one", async () => {
    const bad = "SELECT email, count(*) FROM commissions JOIN users ON true GROUP BY 1";
    const good = "SELECT tier, count(*) AS commissions FROM analytics.commissions GROUP BY 1 ORDER BY 2 DESC";
    server.replyWith((body) => {
      const user = (body.messages as Array<{ role: string; content: string }>).find((m) => m.role === "user")!.content;
      return user.includes("Your previous SQL was refused") ? reply({ sql: good, explanation: "Commissions per tier." }) : reply({ sql: bad, explanation: "Per shopper." });
    });
    const start = server.requests.length;
    const r = await askQuestion({ question: "commissions per shopper", actor: { userId: admin.id, label: admin.email } });
    const calls = server.requests.slice(start);
    expect(calls).toHaveLength(2);
    const repair = (calls[1].body.messages as Array<{ role: string; content: string }>).find((m) => m.role === "user")!.content;
    expect(repair).toContain(bad);
    expect(repair).toContain("Reason: Table `users` is not available.");
    expect(r).toMatchObject({ ok: true, sql: good, explanation: "Commissions per tier." });
  });

  it("gives up after one repair and reports the rule; a model that cannot answer says so", async () => {
    server.replyWith(reply({ sql: "SELECT pg_sleep(10)", explanation: "sleeps" }));
    const start = server.requests.length;
    const r = await askQuestion({ question: "wait a bit", actor: { userId: admin.id, label: admin.email } });
    expect(server.requests.length - start).toBe(2);
    expect(r).toMatchObject({ ok: false, error: { code: "REFUSED", rule: "function", message: "Function `pg_sleep` is not allowed." } });

    server.replyWith(JSON.stringify({ answerable: false, sql: "", explanation: "costs are not in the catalogue" }));
    const c = await askQuestion({ question: "what is our margin", actor: { userId: admin.id, label: admin.email } });
    expect(c).toMatchObject({ ok: false, error: { code: "CANNOT_ANSWER", message: "I can't answer that: costs are not in the catalogue" } });
  });
});
