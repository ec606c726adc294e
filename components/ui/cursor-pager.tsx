import { Button } from "./button";

/** Previous / page n / next over a stack of cursors (the first entry is undefined: page 1). */
export function CursorPager({ page, hasNext, onPrevious, onNext }: { page: number; hasNext: boolean; onPrevious: () => void; onNext: () => void }) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-center gap-3 text-sm">
      <Button size="sm" variant="secondary" disabled={page <= 1} onClick={onPrevious}>← Previous</Button>
      <span aria-current="page">Page {page}</span>
      <Button size="sm" variant="secondary" disabled={!hasNext} onClick={onNext}>Next →</Button>
    </nav>
  );
}
