// Word lists for the local idea writer. Each list is small and hand-picked so any combination reads
// as a sensible merch brief.

/** Subreddit name fragments → the topic a shopper would recognise. */
export const COMMUNITY_TOPICS: Array<[RegExp, string]> = [
  [/gam(e|ing)|nintendo|playstation|xbox|steam|pcmasterrace/, "gaming"],
  [/keyboard|battlestation|setup/, "desk setups"],
  [/plant|garden|succulent|bonsai/, "plant parenting"],
  [/coffee|espresso|tea/, "coffee culture"],
  [/cat|kitten|aww|dog|puppy|corgi|rabbit|pet/, "pet life"],
  [/space|astro|nasa|cosmos/, "space exploration"],
  [/cook|bak(e|ing)|food|recipe|pizza|sourdough/, "home cooking"],
  [/book|read|literature|fantasy|scifi/, "bookworm life"],
  [/run|fitness|gym|lift|cycling|bike|climb|hik(e|ing)|outdoor|camping/, "outdoor adventure"],
  [/program|coding|python|javascript|webdev|linux|sysadmin|tech/, "developer humor"],
  [/music|guitar|synth|vinyl|band|drum/, "music making"],
  [/art|draw|paint|design|photograph/, "creative craft"],
  [/movie|film|tv|anime|manga|comic/, "fandom"],
  [/science|physics|chem|biology|math/, "science nerdery"],
  [/history|vintage|retro/, "retro nostalgia"],
  [/diy|woodwork|maker|3dprint|craft|knit|crochet/, "maker culture"],
  [/travel|city|van|roadtrip/, "wanderlust"],
  [/fish|birding|bird|nature|wildlife|ocean/, "nature watching"],
  [/pun|joke|meme|funny|humor/, "wordplay"],
];

export const MOODS = ["cozy", "retro", "bold", "playful", "minimal", "vintage", "wholesome", "nerdy", "sunny", "moody"];

/**
 * Slogan templates, grouped in families (a family is one joke shape; the growth loop learns which
 * families sell). Each {slot} names the only kind of phrase that may fill it (see phrases.ts):
 * noun — a singular noun or noun compound used as a modifier ("Chief Snack Officer");
 * count — a countable singular ("Just One More Turn"); plural — a plural noun phrase;
 * gerund — an -ing form, maybe with its object; adj — an adjective the post said of something;
 * name — a proper name from the post; verb — a base-form verb. One slot per template.
 * "own" (the post's own clause) and "quote"/"label" (the fallbacks) have no pattern.
 */
export const TEMPLATES = [
  { family: "role", pattern: "Chief {noun} Officer" },
  { family: "role", pattern: "Professional {noun} Overthinker" },
  { family: "role", pattern: "Certified {noun} Enthusiast" },
  { family: "club", pattern: "{noun} Club" },
  { family: "club", pattern: "Official {noun} Club" },
  { family: "thing", pattern: "It's {a} {noun} Thing" },
  { family: "one-more", pattern: "Just One More {count}" },
  { family: "fuel", pattern: "Powered by {plural}" },
  { family: "fuel", pattern: "Fueled by {plural} and Spite" },
  { family: "fuel", pattern: "Will Trade Sleep for {plural}" },
  { family: "rather", pattern: "I'd Rather Be {gerund}" },
  { family: "therapy", pattern: "{gerund} Is My Therapy" },
  { family: "therapy", pattern: "{gerund} Is My Cardio" },
  { family: "mood", pattern: "Currently {adj}" },
  { family: "mood", pattern: "Stay {adj}" },
  { family: "mood", pattern: "Professionally {adj}" },
  { family: "name", pattern: "Team {name}" },
  { family: "name", pattern: "In {name} We Trust" },
  { family: "name", pattern: "{name} Fan Club" },
  { family: "routine", pattern: "Eat. Sleep. {verb}. Repeat." },
] as const;

export type TemplateFamily = (typeof TEMPLATES)[number]["family"] | "own" | "quote" | "label";

export const TYPOGRAPHY = [
  "bold retro serif lettering with a soft drop shadow",
  "hand-lettered brush script",
  "chunky rounded bubble letters",
  "condensed athletic block letters in an arch",
  "distressed varsity lettering",
  "clean geometric sans-serif, wide tracking",
  "playful mismatched cut-out letters",
  "vintage badge lettering around a circle",
];

export const MOTIFS = [
  "a simple flat icon of {K}",
  "a round badge framing {K}",
  "a sticker-style illustration of {K} with a thick white outline",
  "single-weight line art of {K}",
  "a small mascot character holding {K}",
  "a halftone sunburst behind {K}",
];

export const PALETTES = [
  "sunset orange, teal and cream",
  "forest green, mustard and off-white",
  "navy, coral and sand",
  "black, hot pink and electric yellow",
  "sage, terracotta and warm beige",
  "lavender, mint and charcoal",
  "cherry red, cream and chocolate brown",
  "sky blue, butter yellow and white",
];

/** Style hints per topic when the subreddit has none. */
export const TOPIC_STYLES: Record<string, string> = {
  gaming: "retro pixel art",
  "desk setups": "clean isometric illustration",
  "plant parenting": "botanical linework",
  "coffee culture": "vintage diner sign",
  "pet life": "cute kawaii cartoon",
  "space exploration": "mid-century space-age poster",
  "developer humor": "terminal-green monospace",
  "outdoor adventure": "national-park badge",
  "retro nostalgia": "70s sunset stripes",
};
