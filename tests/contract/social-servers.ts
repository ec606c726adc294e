import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Small local servers for the promoters' contract tests. Each records what it saw and answers in the
// platform's wire format; tests switch behaviours through the `state` object they get back.

export type Seen = { method: string; path: string; auth?: string; headers: IncomingMessage["headers"]; body: string };

export const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => res(Buffer.concat(parts)));
  });

export const json = (res: ServerResponse, status: number, v: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(v));
};

export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL) => void | Promise<void>) {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://x");
    seen.push({ method: req.method ?? "GET", path: `${url.pathname}${url.search}`, auth: req.headers.authorization, headers: req.headers, body: body.toString("utf8") });
    try {
      await handler(req, res, body, url);
    } catch (e) {
      json(res, 500, { error: "InternalServerError", message: (e as Error).message });
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A JWT-shaped token (unsigned) with the claims Bluesky clients read: sub (DID) and exp. */
export const fakeJwt = (claims: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify({ alg: "ES256K", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
