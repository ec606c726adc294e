"use client";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui";

/** Pay / Cancel on the local test checkout: plain form posts (they work without JavaScript too). */
export function CheckoutButtons({ session, amount, children }: { session: string; amount: string; children?: ReactNode }) {
  const [busy, setBusy] = useState<"pay" | "cancel" | null>(null);
  return (
    <form method="post" action={`/checkout/${encodeURIComponent(session)}/complete`} className="space-y-4" onSubmit={(e) => {
      const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      setBusy(submitter?.value === "cancel" ? "cancel" : "pay");
    }}>
      {children}
      <div className="flex gap-3">
      <Button type="submit" name="action" value="pay" className="flex-1" busy={busy === "pay"} disabled={!!busy}>
        Pay {amount}
      </Button>
      <Button type="submit" name="action" value="cancel" variant="secondary" busy={busy === "cancel"} disabled={!!busy} formNoValidate>
        Cancel
      </Button>
      </div>
    </form>
  );
}
