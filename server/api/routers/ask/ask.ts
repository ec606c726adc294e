import { adminProcedure } from "../../trpc";
import { askQuestion } from "../../../services/ask/ask-question";
import { ZAsk } from "./ask.types";

export const ask = adminProcedure
  .input(ZAsk)
  .mutation(({ ctx, input }) => askQuestion({ question: input.question, sql: input.sql, actor: { userId: ctx.user.id, label: ctx.user.email ?? ctx.user.id } }));
