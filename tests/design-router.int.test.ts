import { getDesign } from "../server/services/design/list-designs";
import { describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { statementCounter } from "../server/db-adapter";
import { queue } from "../server/queues/connection";
import { makeUser } from "./helpers/factories";
import { makeDesign } from "./helpers/designs";

async function designWithRows(status: "DONE" | "FAILED" = "DONE") {
  const { design } = await makeDesign({ productTypes: ["tee", "mug"] });
  const file = { mimeType: "image/png", width: 600, height: 600, dpi: 72, hasAlpha: true, bytes: 10 };
  await db.designFile.create({ data: { designId: design.id, kind: "THUMBNAIL", storageKey: `designs/${design.id}/thumb.png`, ...file } });
  await db.designFile.create({ data: { designId: design.id, kind: "PRINT", productType: "tee", storageKey: `designs/${design.id}/print-tee.png`, ...file, width: 4500, height: 5400, dpi: 300 } });
  for (const t of ["tee", "mug"]) {
    await db.mockup.create({ data: { designId: design.id, productType: t, storageKey: `designs/${design.id}/mockup-${t}.png`, width: 1200, height: 1200 } });
  }
  await db.listing.create({ data: { designId: design.id, title: "Debug Mode", description: "d", bullets: ["a", "b", "c"], tags: [], priceCents: 1600 } });
  return db.design.update({ where: { id: design.id }, data: { status, error: status === "FAILED" ? "provider exploded" : null, attempts: 1 } });
}

describe("designs router", () => {
  it("lists a page with thumbnails, mockups, idea and listing in a constant number of statements", async () => {
    const admin = createCaller({ user: await makeUser("ADMIN") });
    for (let i = 0; i < 12; i++) await designWithRows();
    statementCounter.count = 0;
    const small = await admin.designs.list({ take: 3 });
    const smallCount = statementCounter.count;
    statementCounter.count = 0;
    const big = await admin.designs.list({ take: 12 });
    const bigCount = statementCounter.count;
    expect(small.items).toHaveLength(3);
    expect(big.items).toHaveLength(12);
    expect(bigCount).toBe(smallCount);
    expect(bigCount).toBeLessThanOrEqual(6);
    const item = big.items[0];
    expect(item.thumbUrl).toMatch(/\/api\/files\/designs\/.+\/thumb\.png$/);
    expect(item.mockups.map((m) => m.productType)).toEqual(["mug", "tee"]);
    expect(item.idea.title).toBe("Debug Mode Activated");
    expect(item.listing?.priceCents).toBe(1600);
    // cursor pagination walks on without repeats
    const next = await admin.designs.list({ take: 3, cursor: small.nextCursor! });
    expect(next.items.map((d) => d.id)).toEqual(big.items.slice(3, 6).map((d) => d.id));
  });

  it("filters by status and returns one design with files, mockups and listing", async () => {
    const admin = createCaller({ user: await makeUser("ADMIN") });
    const failed = await designWithRows("FAILED");
    const page = await admin.designs.list({ status: "FAILED", take: 100 });
    expect(page.items.every((d) => d.status === "FAILED")).toBe(true);
    expect(page.items.map((d) => d.id)).toContain(failed.id);
    // The detail page reads the same service directly (server component).
    const detail = await getDesign(failed.id);
    expect(detail.files.find((f) => f.kind === "PRINT")).toMatchObject({ productType: "tee", width: 4500, height: 5400, dpi: 300 });
    expect(detail.mockups).toHaveLength(2);
    expect(detail.listing?.title).toBe("Debug Mode");
    await expect(getDesign("nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("retries a FAILED design: QUEUED again, a new job, an audit entry; refuses other states and non-admins", async () => {
    const user = await makeUser("ADMIN");
    const admin = createCaller({ user });
    const failed = await designWithRows("FAILED");
    const row = await admin.designs.retry({ id: failed.id });
    expect(row).toMatchObject({ status: "QUEUED", error: null, progress: 0 });
    const job = await queue("design").getJob(`${failed.id}-retry-1`);
    expect(job?.data).toEqual({ designId: failed.id });
    const audit = await db.auditLog.findFirst({ where: { action: "design.retry", entityId: failed.id } });
    expect(audit?.actorId).toBe(user.id);

    await expect(admin.designs.retry({ id: failed.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const viewer = createCaller({ user: await makeUser("VIEWER") });
    await expect(viewer.designs.retry({ id: failed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(Array.isArray((await viewer.designs.list({})).items)).toBe(true);
  });
});
