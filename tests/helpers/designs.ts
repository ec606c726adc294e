import { db } from "../../server/db";
import { uid } from "./factories";

/** A Source → Signal → APPROVED Idea → QUEUED Design chain with unique data. */
export async function makeDesign(opts: {
  title?: string;
  theme?: string;
  productTypes?: string[];
  provider?: string;
  quality?: string;
  ideaStatus?: "APPROVED" | "PUBLISHED" | "NEW";
  community?: string;
} = {}) {
  const key = uid("src-");
  const source = await db.source.upsert({ where: { key }, create: { key, kind: "LOCAL", name: "Design tests" }, update: {} });
  const signal = await db.signal.create({
    data: {
      sourceId: source.id,
      externalId: uid("t3_"),
      contentHash: uid("hash-"),
      community: opts.community ?? "programmerhumor",
      title: "My code works and I have no idea why",
      postedAt: new Date(),
      keywords: ["code", "debugging", "programmer"],
      raw: {},
      status: "IDEATED",
    },
  });
  const title = opts.title ?? "Debug Mode Activated";
  const theme = opts.theme ?? "programmer humor";
  const idea = await db.idea.create({
    data: {
      signalId: signal.id,
      theme,
      title,
      imagePrompt: `Bold typographic design: ${title}`,
      productTypes: opts.productTypes ?? ["tee", "sticker"],
      promptVersion: "test-1",
      writer: "local",
      status: opts.ideaStatus ?? "APPROVED",
    },
  });
  const design = await db.design.create({
    data: { ideaId: idea.id, provider: opts.provider ?? "local", prompt: idea.imagePrompt, quality: opts.quality ?? "standard", status: "QUEUED" },
  });
  return { source, signal, idea, design };
}
