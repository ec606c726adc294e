import type { WorkStatus } from "@prisma/client";
import { db } from "../../db";
import { AppError } from "../../errors";
import { fileHref } from "../../providers/storage";

/** One page of designs with idea title, thumbnail, mockups and listing (constant SQL per page). */
export async function listDesigns(opts: { status?: WorkStatus; cursor?: string; take?: number }) {
  const take = Math.min(Math.max(opts.take ?? 24, 1), 100);
  const rows = await db.design.findMany({
    where: { status: opts.status },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      status: true,
      stage: true,
      progress: true,
      error: true,
      attempts: true,
      provider: true,
      quality: true,
      palette: true,
      createdAt: true,
      finishedAt: true,
      idea: { select: { id: true, title: true, theme: true } },
      files: { where: { kind: "THUMBNAIL" }, select: { storageKey: true } },
      mockups: { select: { productType: true, storageKey: true }, orderBy: { productType: "asc" } },
      listing: { select: { id: true, title: true, priceCents: true, currency: true } },
    },
  });
  const items = rows.slice(0, take).map(({ files, mockups, ...d }) => ({
    ...d,
    thumbUrl: files[0] ? fileHref(files[0].storageKey) : null,
    mockups: mockups.map((m) => ({ productType: m.productType, url: fileHref(m.storageKey) })),
  }));
  return { items, nextCursor: rows.length > take ? items[items.length - 1].id : null };
}

export type DesignListItem = Awaited<ReturnType<typeof listDesigns>>["items"][number];

/** One design with its print files, mockups and listing copy. */
export async function getDesign(id: string) {
  const d = await db.design.findUnique({
    where: { id },
    include: {
      idea: { select: { id: true, title: true, theme: true, status: true, productTypes: true } },
      files: { orderBy: [{ kind: "asc" }, { productType: "asc" }] },
      mockups: { orderBy: { productType: "asc" } },
      listing: true,
    },
  });
  if (!d) throw new AppError("NOT_FOUND", `Design ${id} does not exist`);
  return {
    ...d,
    files: d.files.map((f) => ({ ...f, url: fileHref(f.storageKey) })),
    mockups: d.mockups.map((m) => ({ ...m, url: fileHref(m.storageKey) })),
  };
}

export type DesignDetail = Awaited<ReturnType<typeof getDesign>>;
