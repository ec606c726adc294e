/** A hosted classifier for generated text (titles, tags, copy). */
export type ModerationVerdict = { flagged: boolean; categories: string[] };

export interface ModerationProvider {
  readonly name: string;
  /** One verdict for all texts together: flagged when any of them is. */
  check(texts: string[]): Promise<ModerationVerdict>;
}
