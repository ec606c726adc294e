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
