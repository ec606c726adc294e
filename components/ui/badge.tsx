import { cn } from "./cn";

const tones = {
  neutral: "bg-zinc-100 text-zinc-700",
  info: "bg-blue-50 text-blue-700",
  success: "bg-green-50 text-green-700",
  warning: "bg-amber-50 text-amber-800",
  danger: "bg-red-50 text-red-700",
  brand: "bg-brand-50 text-brand-700",
} as const;

export type Tone = keyof typeof tones;

/** Status words map to tones so every list colours states the same way. */
export function toneFor(status: string): Tone {
  const s = status.toUpperCase();
  if (["DONE", "PUBLISHED", "COMPLETED", "SUCCEEDED", "PAID", "APPROVED", "SCORED"].includes(s)) return "success";
  if (["FAILED", "REJECTED", "PAYMENT_FAILED", "EXPIRED"].includes(s)) return "danger";
  if (["RUNNING", "IN_PROGRESS", "QUEUED", "PENDING", "AWAITING_PAYMENT", "REFUND_PENDING", "NEEDS_REVIEW"].includes(s)) return "warning";
  if (["REFUNDED", "DESIGNED", "IDEATED"].includes(s)) return "info";
  return "neutral";
}

export function Badge({ children, tone = "neutral", className }: { children: React.ReactNode; tone?: Tone; className?: string }) {
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", tones[tone], className)}>{children}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={toneFor(status)}>{status.replaceAll("_", " ").toLowerCase()}</Badge>;
}
