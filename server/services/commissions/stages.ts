// The stage vocabulary lives in lib/vocabulary.ts (client components show it too).
export { STAGES, stageLabel, type StageKey } from "../../../lib/vocabulary";
