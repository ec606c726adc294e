import { z } from "zod";

/** Either a question in plain English or hand-written SQL (edited in the page), never both. */
export const ZAsk = z
  .object({
    question: z.string().trim().max(500, "Keep the question under 500 characters").optional(),
    sql: z.string().trim().max(10_000, "Keep the SQL under 10,000 characters").optional(),
  })
  .refine((v) => !!v.question !== !!v.sql, { message: "Give either a question or SQL" });
