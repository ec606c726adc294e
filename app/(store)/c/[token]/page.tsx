import { notFound } from "next/navigation";
import { CommissionStatus } from "@/components/store/commission-status";
import { isAppError } from "@/server/errors";
import { commissionStatusByToken } from "@/server/services/commissions/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your commission · merchloop", robots: { index: false, follow: false } };

/** The private receipt and live status page: the unguessable token in the link is the only key. */
export default async function CommissionStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await commissionStatusByToken(token).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return <CommissionStatus token={token} initial={JSON.parse(JSON.stringify(status))} />;
}
