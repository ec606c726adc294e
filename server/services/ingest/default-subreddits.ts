// Popular SFW communities whose posts make good print-on-demand ideas, with a listing sort, a
// limit and a style hint for the idea writer. The first block has demo listing files in
// data/reddit (the local provider reads them); the rest are read live with REDDIT_PROVIDER=public
// or oauth (locally they simply return nothing).

export type SubredditDefault = { name: string; sort: "HOT" | "NEW" | "TOP" | "RISING"; limit: number; style: string };

export const DEMO_SUBREDDITS: SubredditDefault[] = [
  { name: "cats", sort: "HOT", limit: 50, style: "cute line-art cats, soft pastel palette" },
  { name: "rarepuppers", sort: "HOT", limit: 50, style: "playful doggo cartoon, bold outlines" },
  { name: "puns", sort: "HOT", limit: 50, style: "bold typographic pun with a tiny illustration" },
  { name: "wholesomememes", sort: "HOT", limit: 50, style: "warm hand-drawn wholesome doodle" },
  { name: "gardening", sort: "HOT", limit: 50, style: "botanical vintage seed-packet illustration" },
  { name: "boardgames", sort: "HOT", limit: 50, style: "retro board-game box art, meeples and dice" },
  { name: "coffee", sort: "HOT", limit: 50, style: "cozy café badge, warm browns" },
  { name: "popular", sort: "HOT", limit: 50, style: "clean modern sticker style" },
];

export const MORE_SUBREDDITS: SubredditDefault[] = [
  ["aww", "kawaii sticker style"],
  ["mildlyinteresting", "minimal flat illustration"],
  ["showerthoughts", "bold typographic quote"],
  ["dadjokes", "groan-worthy retro typography"],
  ["earthporn", "vintage national-park poster"],
  ["camping", "outdoor badge, pine trees and tents"],
  ["hiking", "topographic line-art badge"],
  ["houseplants", "leafy botanical line art"],
  ["succulents", "cute succulent doodles"],
  ["baking", "retro bakery label"],
  ["cooking", "diner-style kitchen typography"],
  ["tea", "calm japanese-inspired ink illustration"],
  ["knitting", "cozy yarn doodles"],
  ["crochet", "granny-square pattern art"],
  ["woodworking", "workshop emblem, woodcut style"],
  ["dnd", "fantasy tavern sign, dice and dragons"],
  ["lego_builds", "blocky isometric pixel art"],
  ["birding", "field-guide bird illustration"],
  ["whatsthisbird", "field-guide bird illustration"],
  ["space", "retro space-age poster"],
  ["astrophotography", "starry night gradient"],
  ["running", "race-bib sporty typography"],
  ["bicycling", "vintage bike-shop badge"],
  ["climbing", "rope and carabiner line art"],
  ["fishing", "lake-lodge woodcut"],
  ["photography", "camera icon, minimal"],
  ["books", "library stamp, literary typography"],
  ["programmerhumor", "terminal green monospace"],
  ["sysadmin", "ops humour, monospace badge"],
  ["science", "periodic-table style typography"],
  ["history", "old map and engraving style"],
  ["vinyl", "record-label circle badge"],
  ["guitar", "gig-poster screenprint"],
  ["corgi", "chubby corgi cartoon"],
  ["goldenretrievers", "sunny golden-retriever portrait"],
  ["bunnies", "soft bunny watercolour"],
  ["eyebleach", "pastel cute animals"],
  ["mademesmile", "sunny hand-lettering"],
  ["upliftingnews", "bright optimistic badge"],
  ["frugal", "thrifty coupon-style typography"],
  ["teachers", "chalkboard lettering"],
  ["nursing", "friendly medical doodles"],
  ["cozyplaces", "warm window-light illustration"],
  ["oddlysatisfying", "geometric gradient loops"],
].map(([name, style]) => ({ name, sort: "HOT" as const, limit: 25, style }));

export const DEFAULT_SUBREDDITS: SubredditDefault[] = [...DEMO_SUBREDDITS, ...MORE_SUBREDDITS];
