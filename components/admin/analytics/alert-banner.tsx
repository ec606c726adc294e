import type { Alert } from "@prisma/client";

/** FIRING alerts (SLA, budgets, failed print files) as a banner; nothing when all is well. */
export function AlertBanner({ alerts }: { alerts: Alert[] }) {
  if (!alerts.length) return null;
  return (
    <div role="alert" className="space-y-1 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {alerts.map((a) => (
        <p key={a.id}>
          <strong>{a.rule}</strong> since {a.firedAt.toISOString().slice(0, 16).replace("T", " ")} UTC: {a.message}
        </p>
      ))}
    </div>
  );
}
