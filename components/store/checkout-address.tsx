"use client";
import { useState } from "react";
import { SelectField, TextField } from "@/components/ui";
import { money } from "@/lib/format";

type Option = { id: string; label: string; amountCents: number };

/** The local checkout's shipping address and rate (the fields Stripe Checkout collects). */
export function CheckoutAddress({ itemsCents, currency, options, countries }: { itemsCents: number; currency: string; options: Option[]; countries: readonly string[] }) {
  const [rate, setRate] = useState(options[0]?.id ?? "standard");
  const ship = options.find((o) => o.id === rate)?.amountCents ?? 0;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Shipping address</legend>
      <TextField label="Full name" name="name" required autoComplete="name" />
      <TextField label="Address" name="line1" required autoComplete="address-line1" />
      <TextField label="Apartment, suite (optional)" name="line2" autoComplete="address-line2" />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="City" name="city" required autoComplete="address-level2" />
        <TextField label="State / region" name="state" autoComplete="address-level1" />
        <TextField label="Postal code" name="postal_code" required autoComplete="postal-code" />
        <SelectField label="Country" name="country" defaultValue={countries[0]} autoComplete="country">
          {countries.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </SelectField>
      </div>
      <div role="radiogroup" aria-label="Shipping" className="space-y-1">
        {options.map((o) => (
          <label key={o.id} className="flex items-center gap-2 text-sm">
            <input type="radio" name="rate" value={o.id} checked={rate === o.id} onChange={() => setRate(o.id)} />
            {o.label} — {money(o.amountCents, currency)}
          </label>
        ))}
      </div>
      <p className="text-sm">
        Total with shipping: <strong aria-label="Total with shipping">{money(itemsCents + ship, currency)}</strong>
      </p>
    </fieldset>
  );
}
