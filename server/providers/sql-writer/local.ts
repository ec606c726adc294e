import { translate } from "./translate";
import type { SqlWriter } from "./types";

/** Offline: the semantic-layer translator (no model, deterministic, says when it cannot). */
export const localSqlWriter: SqlWriter = {
  name: "local:semantic-layer",
  repairs: false,
  async write({ question }) {
    return translate(question);
  },
};
