"use client";

// A client component on purpose: a server component's markup is sent twice, as HTML and again as the
// RSC payload inlined in the page (~1.8 KB per card, 44 KB of a 71 KB gallery page). As a client
// component the payload carries only each card's props (~0.3 KB); the HTML is the same.
import { GalleryCard, type GalleryCardProps } from "./gallery-card";

export function GalleryGrid({ items }: { items: Array<GalleryCardProps & { id: string }> }) {
  return (
    <ul aria-label="Products" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {items.map(({ id, ...card }) => (
        <GalleryCard key={id} {...card} />
      ))}
    </ul>
  );
}
