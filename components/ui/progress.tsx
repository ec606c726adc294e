export function Progress({ value, label }: { value: number; label: string }) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="w-full">
      <div className="mb-1 flex justify-between text-xs text-zinc-600">
        <span>{label}</span>
        <span>{v}%</span>
      </div>
      <div className="h-2 w-full overflow-hidden rounded-full bg-zinc-200" role="progressbar" aria-label={label} aria-valuenow={v} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${v}%` }} />
      </div>
    </div>
  );
}
