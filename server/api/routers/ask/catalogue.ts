import { adminProcedure } from "../../trpc";
import { catalogue as readCatalogue } from "../../../services/ask/catalogue";
import { EXAMPLE_QUESTIONS } from "../../../providers/sql-writer/semantic-layer";

/** What may be asked (read from the live database) and example questions. */
export const catalogue = adminProcedure.query(async () => ({ catalogue: await readCatalogue(), examples: EXAMPLE_QUESTIONS }));
