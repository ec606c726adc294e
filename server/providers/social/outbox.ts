import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { env } from "../../env";
import type { SocialProvider } from "./types";

// The local outbox: every post is really stored (outbox_posts, one row per idempotency key, so a retry
// returns the row an earlier attempt wrote) and rendered at /outbox/<id>, like a tiny social network
// of our own. Used offline, in the e2e test and for trying personas before connecting a platform.

export const outboxProvider: SocialProvider = {
  platform: "OUTBOX",

  async post(acc, post) {
    const data = {
      handle: acc.handle,
      idempotencyKey: post.idempotencyKey,
      title: post.title ?? null,
      body: post.text,
      link: post.link ?? null,
      imageUrl: post.imageUrl ?? null,
      community: post.community ?? null,
      parentId: post.replyToId ?? null,
    };
    let row;
    try {
      row = await db.outboxPost.upsert({ where: { idempotencyKey: post.idempotencyKey }, create: data, update: {} });
    } catch (e) {
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
      row = await db.outboxPost.findUniqueOrThrow({ where: { idempotencyKey: post.idempotencyKey } });
    }
    return { externalId: row.id, url: `${env().appUrl}/outbox/${row.id}` };
  },

  async refresh() {
    return { secrets: {}, expiresAt: null };
  },

  async metrics(_acc, externalId) {
    const row = await db.outboxPost.findUnique({ where: { id: externalId }, select: { likes: true, replies: true, reposts: true } });
    return row ?? { likes: 0, replies: 0, reposts: 0 };
  },

  async comments(acc, externalId) {
    const rows = await db.outboxPost.findMany({ where: { parentId: externalId, handle: { not: acc.handle } }, orderBy: { createdAt: "asc" }, take: 50 });
    return rows.map((r) => ({ id: r.id, author: r.handle, text: r.body }));
  },
};
