import type { Alert } from "@prisma/client";
import Link from "next/link";

/**
 * FIRING alerts (SLA, budgets, failed print files) as a banner, each linked to where it is acted on
 * (a failed design's page, the budgets); nothing when all is well.
 */
export function AlertBanner({ alerts }: { alerts: Alert[] }) {
  if (!alerts.length) return null;
  return (
    <div role="alert" className="space-y-1 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {alerts.map((a) => (
        <p key={a.id}>
          <strong>{a.rule}</strong> since {a.firedAt.toISOString().slice(0, 16).replace("T", " ")} UTC: {a.message}
          {a.link?.startsWith("/admin/") && (
            <>
              {" "}
              <Link href={a.link} className="font-medium underline">
                Open →
              </Link>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
