import { createHash } from "node:crypto";
import type { Copywriter, CopyInput } from "./types";

// Offline copy from templates: picked by a hash of the product and voice (stable for the same input),
// phrased by the persona's voice keyword, trimmed to the platform's length. Costs nothing.

const OPENERS: Record<string, string[]> = {
  playful: ["Okay, this one made us grin:", "New drop, zero chill:", "Fresh off the press and a little bit silly:"],
  dry: ["New in the shop.", "We made a thing.", "Another one for the shelf."],
  warm: ["We think you'll love this one:", "Made with care for you:", "A little something new:"],
  default: ["New in the shop:", "Just published:", "Fresh design:"],
};

const REPLIES = ["Thanks {author}! Glad it made you smile.", "Appreciate it, {author}!", "Thank you {author} — more on the way."];

const pick = <T>(list: T[], seed: string) => list[createHash("sha256").update(seed).digest().readUInt32BE(0) % list.length];

function tone(voice: string) {
  const v = voice.toLowerCase();
  return Object.keys(OPENERS).find((k) => k !== "default" && v.includes(k)) ?? "default";
}

export function clip(text: string, max: number) {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  return `${cut.slice(0, cut.lastIndexOf(" ") > max * 0.6 ? cut.lastIndexOf(" ") : cut.length).trimEnd()}…`;
}

export const localCopywriter: Copywriter = {
  name: "template",
  async write(input: CopyInput) {
    const seed = `${input.product.title}|${input.persona.voice}|${input.kind}`;
    if (input.kind === "reply") {
      const body = pick(REPLIES, `${seed}|${input.comment?.text ?? ""}`).replace("{author}", input.comment?.author ?? "friend");
      return { copy: { title: input.product.title, body: clip(body, input.maxBody) }, usage: { provider: "template", units: 1, costCents: 0 } };
    }
    const opener = pick(OPENERS[tone(input.persona.voice)], seed);
    const what = input.kind === "commission" ? `${input.product.title} — made to order for one of our shoppers` : input.product.title;
    const where = input.product.community ? ` For r/${input.product.community} fans.` : "";
    const body = clip(`${opener} ${what}. ${input.product.priceLabel}.${where}`, input.maxBody);
    return { copy: { title: clip(input.product.title, 300), body }, usage: { provider: "template", units: 1, costCents: 0 } };
  },
};
