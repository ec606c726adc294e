"use client";
import { useEffect } from "react";
import { track, trackingRefused } from "@/lib/track";

export const ARM_COOKIE = "ml_arm";

/**
 * Product page hook: queues one VIEW (sent in a batch when the page is left) and, when the visitor
 * is in an experiment, remembers the arm in a first-party cookie so they keep seeing it.
 */
export function TrackOutcomes({ listingId, experimentId, armId }: { listingId: string; experimentId?: string; armId?: string }) {
  useEffect(() => {
    track({ kind: "VIEW", listingId, experimentId, armId });
    if (experimentId && armId && !trackingRefused()) {
      document.cookie = `${ARM_COOKIE}_${experimentId}=${armId}; path=/; max-age=${60 * 60 * 24 * 90}; samesite=lax`;
    }
  }, [listingId, experimentId, armId]);
  return null;
}
