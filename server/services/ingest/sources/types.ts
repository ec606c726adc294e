import type { SignalDraft } from "../normalize";

/** What a source yields: drafts read from one file, subreddit or feed, plus entries it could not parse. */
export type SourceChunk = { label: string; drafts: SignalDraft[]; invalid: number; error?: string };
