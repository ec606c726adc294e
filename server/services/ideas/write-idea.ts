import type { Idea } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { embeddings } from "../../providers/embeddings";
import { ideaWriter } from "../../providers/ideas";
import { judgeContent } from "../moderation/check-content";
import { loadDenylist } from "../moderation/denylist";
import { PRODUCT_TYPES, type IdeaProductType } from "../../providers/ideas/types";
import type { ProviderUsage } from "../../providers/usage";
import { recordUsage } from "../costs/record-cost";

/** Text an idea is embedded from (novelty compares new signals against it). */
export const ideaText = (i: { title: string; theme: string }) => `${i.title}\n${i.theme}`;

export function parseProductTypes(types: string[] | undefined): IdeaProductType[] | undefined {
  if (!types?.length) return undefined;
  const bad = types.filter((t) => !(PRODUCT_TYPES as readonly string[]).includes(t));
  if (bad.length) throw new AppError("BAD_REQUEST", `Unknown product type ${bad.map((b) => `"${b}"`).join(", ")} (use ${PRODUCT_TYPES.join(", ")})`);
  return [...new Set(types)] as IdeaProductType[];
}

/** The template family of the community's most recent idea (null when none or free-form). */
async function lastFamilyIn(community: string | null): Promise<string | null> {
  if (!community) return null;
  const last = await db.idea.findFirst({ where: { signal: { community } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { templateFamily: true } });
  return last?.templateFamily ?? null;
}

/**
 * Writes one idea for a signal with the configured writer (local phrases-and-templates or OpenAI
 * structured output), embeds title+theme, stores the Idea (status NEW) with the template family and
 * phrases that made it, and marks the signal IDEATED. The community's last family is passed in so
 * the same family never comes twice in a row there (across processes: it is read from the DB); the
 * denylist and safety checks run on the final text. Rejected signals never become ideas.
 */
export async function writeIdeaForSignal(signalId: string, opts: { productTypes?: string[]; commissionId?: string } = {}): Promise<Idea> {
  const productTypes = parseProductTypes(opts.productTypes);
  const signal = await db.signal.findUnique({ where: { id: signalId }, include: { breakdown: { select: { total: true } } } });
  if (!signal) throw new AppError("NOT_FOUND", `Signal ${signalId} does not exist`);
  if (signal.status === "REJECTED") {
    throw new AppError("UNPROCESSABLE", `Signal ${signalId} was rejected${signal.rejectReason ? ` (${signal.rejectReason})` : ""}; it cannot become an idea`);
  }
  const sub = signal.community ? await db.subreddit.findUnique({ where: { name: signal.community }, select: { style: true } }) : null;
  const writer = ideaWriter();
  const denylist = await loadDenylist();
  const screen = (text: string) => {
    const verdict = judgeContent({ title: text, over18: false, subredditNsfw: false }, denylist);
    return verdict.ok ? null : verdict.reason;
  };
  const draft = await writer.write({
    signalId: signal.id,
    title: signal.title,
    body: signal.body,
    community: signal.community,
    keywords: signal.keywords,
    style: sub?.style ?? null,
    productTypes,
    previousFamily: await lastFamilyIn(signal.community),
    screen,
  });
  const unsafe = screen(draft.title) ?? screen(draft.theme);
  if (unsafe) throw new AppError("UNPROCESSABLE", `The ${writer.name} writer's idea for signal ${signalId} failed the final-text check (${unsafe})`);
  const usages: ProviderUsage[] = draft.usage ? [draft.usage] : [];
  const [embedding] = await embeddings().embed([ideaText(draft)], { onUsage: (u) => usages.push(u) });
  const [idea] = await db.$transaction([
    db.idea.create({
      data: {
        signalId: signal.id,
        theme: draft.theme,
        title: draft.title,
        imagePrompt: draft.imagePrompt,
        productTypes: draft.productTypes,
        promptVersion: writer.promptVersion,
        writer: writer.name,
        templateFamily: draft.recipe?.family ?? null,
        template: draft.recipe?.pattern ?? null,
        phrases: draft.recipe?.phrases ?? [],
        score: signal.breakdown?.total ?? 0,
        embedding,
      },
    }),
    db.signal.updateMany({ where: { id: signal.id, status: { not: "REJECTED" } }, data: { status: "IDEATED" } }),
  ]);
  // One cost row per external call, attributed to the idea (paid spend when a commission asked for it).
  for (const u of usages) await recordUsage(u, { signalId: signal.id, ideaId: idea.id, community: signal.community, commissionId: opts.commissionId, paid: !!opts.commissionId });
  return idea;
}
