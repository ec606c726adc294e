import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A small server that speaks OpenAI's wire format for the endpoints Merchloop uses, so the
// official SDK can be exercised end to end offline. It records every request body it receives.

export type RecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };

/** Deterministic unit-ish vector for a text (so tests can recompute what the server sent). */
export function vectorFor(text: string, dims: number): number[] {
  const v: number[] = [];
  for (let i = 0; i < dims; i++) {
    let h = 2166136261 ^ i;
    for (let j = 0; j < text.length; j++) h = Math.imul(h ^ text.charCodeAt(j), 16777619);
    v.push(Math.fround(((h >>> 0) % 2000) / 1000 - 1));
  }
  return v;
}

function toBase64Float32(v: number[]) {
  const buf = Buffer.alloc(v.length * 4);
  v.forEach((x, i) => buf.writeFloatLE(x, i * 4));
  return buf.toString("base64");
}

export async function startOpenAIServer(opts: { dims?: number } = {}) {
  const dims = opts.dims ?? 8;
  const requests: RecordedRequest[] = [];
  /** What the next chat completion answers as message content (a string, or a function of the request). */
  let chatContent: (body: Record<string, unknown>) => string = () => "{}";

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = (req.url ?? "").split("?")[0];
    requests.push({ method: req.method ?? "", path, headers: req.headers, body });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.headers.authorization !== "Bearer sk-test-contract") {
      return send(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } });
    }
    if (req.method === "POST" && path === "/v1/chat/completions") {
      return send(200, {
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: chatContent(body), refusal: null }, logprobs: null, finish_reason: "stop" }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    }
    if (req.method === "POST" && path === "/v1/embeddings") {
      const input = Array.isArray(body.input) ? (body.input as string[]) : [body.input as string];
      const base64 = body.encoding_format === "base64";
      return send(200, {
        object: "list",
        model: body.model,
        data: input.map((t, index) => ({ object: "embedding", index, embedding: base64 ? toBase64Float32(vectorFor(t, dims)) : vectorFor(t, dims) })),
        usage: { prompt_tokens: input.length, total_tokens: input.length },
      });
    }
    if (req.method === "POST" && path === "/v1/moderations") {
      // Flags any input containing the word "hateful" (category hate), like the real classifier would.
      const input = Array.isArray(body.input) ? (body.input as string[]) : [body.input as string];
      return send(200, {
        id: `modr-${requests.length}`,
        model: body.model,
        results: input.map((t) => {
          const hate = /\bhateful\b/i.test(t);
          return {
            flagged: hate,
            categories: { hate, harassment: false, "self-harm": false, sexual: false, violence: false },
            category_scores: { hate: hate ? 0.98 : 0.001, harassment: 0.001, "self-harm": 0, sexual: 0, violence: 0 },
            category_applied_input_types: { hate: ["text"], harassment: ["text"], "self-harm": ["text"], sexual: ["text"], violence: ["text"] },
          };
        }),
      });
    }
    send(404, { error: { message: `Unknown path ${path}`, type: "invalid_request_error" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    dims,
    replyWith(fn: string | ((body: Record<string, unknown>) => string)) {
      chatContent = typeof fn === "string" ? () => fn : fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
