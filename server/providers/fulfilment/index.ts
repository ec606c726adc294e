import { env } from "../../env";
import { localFulfilment } from "./local";
import { PrintfulFulfilment } from "./printful";
import type { FulfilmentProvider } from "./types";

export type { FulfilmentProvider, SubmitFulfilmentInput, FulfilmentOrder } from "./types";

let instance: { key: string; provider: FulfilmentProvider } | undefined;

/** The print shop chosen by env: Printful's orders API when FULFILMENT_PROVIDER=printful, else the local one. */
export function fulfilment(): FulfilmentProvider {
  const e = env();
  const key = `${e.providers.fulfilment}|${e.PRINTFUL_API_KEY ?? ""}|${e.PRINTFUL_BASE_URL}|${e.PRINTFUL_STORE_ID ?? ""}|${e.LOCAL_FULFILMENT_STEP_SECONDS}`;
  if (instance?.key !== key) {
    const provider =
      e.providers.fulfilment === "printful"
        ? new PrintfulFulfilment({ baseUrl: e.PRINTFUL_BASE_URL, apiKey: e.PRINTFUL_API_KEY!, storeId: e.PRINTFUL_STORE_ID })
        : localFulfilment(e.LOCAL_FULFILMENT_STEP_SECONDS);
    instance = { key, provider };
  }
  return instance.provider;
}

export function resetFulfilmentProvider() {
  instance = undefined;
}
