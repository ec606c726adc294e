"use client";
import { useState } from "react";
import { Button, type ButtonProps } from "./button";

/** A destructive action asks once more, inline, before it runs. */
export function ConfirmButton({ onConfirm, confirmLabel = "Yes, do it", prompt = "Are you sure?", children, ...rest }: ButtonProps & { onConfirm: () => void; confirmLabel?: string; prompt?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="danger" {...rest} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <span className="inline-flex items-center gap-2" role="group" aria-label="Confirm">
      <span className="text-sm text-zinc-700">{prompt}</span>
      <Button variant="danger" size="sm" busy={rest.busy} onClick={() => { setAsking(false); onConfirm(); }}>
        {confirmLabel}
      </Button>
      <Button variant="secondary" size="sm" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
