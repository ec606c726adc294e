import { storage } from "@/server/providers/storage";

export const dynamic = "force-dynamic";

const types: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", json: "application/json", zip: "application/zip", txt: "text/plain" };

/** Serves files from local storage (designs, mockups, listing packages). */
export async function GET(_req: Request, ctx: { params: Promise<{ key: string[] }> }) {
  const { key } = await ctx.params;
  const path = key.join("/");
  let body: Buffer | null;
  try {
    body = await storage().get(path);
  } catch {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Invalid file path" } }, { status: 400 });
  }
  if (!body) return Response.json({ error: { code: "NOT_FOUND", message: "No such file" } }, { status: 404 });
  const ext = path.split(".").pop()?.toLowerCase() ?? "";
  return new Response(new Uint8Array(body), {
    headers: { "content-type": types[ext] ?? "application/octet-stream", "cache-control": "public, max-age=31536000, immutable" },
  });
}
