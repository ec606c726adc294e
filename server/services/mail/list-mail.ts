import { db } from "../../db";
import { AppError } from "../../errors";

export type MailListItem = { id: string; kind: string; toAddress: string; subject: string; status: "SENT" | "FAILED"; provider: string; error: string | null; createdAt: Date };

/** The outbox, newest first, one query a page (keyset by id within createdAt). */
export async function listMail({ kind, status, cursor, take = 50 }: { kind?: string; status?: "SENT" | "FAILED"; cursor?: string; take?: number }) {
  const rows = await db.mailMessage.findMany({
    where: { kind, status },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { id: true, kind: true, toAddress: true, subject: true, status: true, provider: true, error: true, createdAt: true },
  });
  const more = rows.length > take;
  return { items: rows.slice(0, take) as MailListItem[], nextCursor: more ? rows[take - 1].id : null };
}

export async function getMail(id: string) {
  const row = await db.mailMessage.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", `Mail ${id} does not exist`);
  return row;
}
