import { db } from "../../db";
import { log } from "../../log";
import { queuePrefix, redis } from "../../queues/connection";
import { GALLERY_TAG, productTag } from "./cache-tags";

/**
 * The storefront shows something new for this listing (published, changed, unpublished): every web
 * process renders the gallery and the listing's product page afresh on their next request.
 * Called by the worker, so it writes the tags' revalidation time straight into the Redis hash that
 * the shared Next cache handler reads (server/cache/redis-cache-handler.cjs): no call to the web.
 * Best effort: if Redis is down the pages refresh when their revalidate period (5 min) ends.
 */
export async function storefrontChanged(listingId: string) {
  const product = await db.product.findUnique({ where: { listingId }, select: { slug: true } });
  const now = Date.now();
  const tags: Record<string, number> = { [GALLERY_TAG]: now };
  if (product) tags[productTag(product.slug)] = now;
  await redis()
    .hset(`${queuePrefix()}:next-cache:tags`, tags)
    .catch((err: Error) => log.warn({ err: err.message, listingId }, "storefront cache not invalidated"));
}
