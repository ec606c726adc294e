import type { Marketplace } from "@prisma/client";
import { configuredMarketplaces } from "../../providers/publishers";
import { getSetting, setSetting } from "../settings";

/** Each configured marketplace and whether finished designs go there without review. */
export async function autoPublishSettings() {
  const auto = await getSetting("autoPublish");
  return configuredMarketplaces().map((marketplace) => ({ marketplace, auto: auto[marketplace] === true }));
}

/** Turns auto-publish on or off for one marketplace (stored in settings, audited as a setting change). */
export async function setAutoPublish({ marketplace, enabled, by }: { marketplace: Marketplace; enabled: boolean; by?: string }) {
  const auto = await getSetting("autoPublish");
  await setSetting("autoPublish", { ...auto, [marketplace]: enabled }, by);
  return autoPublishSettings();
}
