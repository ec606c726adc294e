import { describe, expect, it } from "vitest";
import { createCaller } from "../server/api/root";
import { db } from "../server/db";
import { statementCounter } from "../server/db-adapter";
import { queue } from "../server/queues/connection";
import { approveIdea } from "../server/services/ideas/approve-idea";
import { rejectIdea } from "../server/services/ideas/reject-idea";
import { editIdea } from "../server/services/ideas/edit-idea";
import { bulkApproveIdeas, bulkRejectIdeas } from "../server/services/ideas/bulk-review";
import { writeIdeaForSignal } from "../server/services/ideas/write-idea";
import { makeUser, uid } from "./helpers/factories";
import { makeSignal } from "./helpers/signals";

async function makeIdea(o: { community?: string; score?: number } = {}) {
  const s = await makeSignal({ community: o.community ?? uid("c"), title: "Finally finished my mechanical keyboard build", keywords: ["mechanical keyboard", "switches"] });
  const idea = await writeIdeaForSignal(s.id);
  return o.score === undefined ? idea : db.idea.update({ where: { id: idea.id }, data: { score: o.score } });
}

describe("writeIdeaForSignal", () => {
  it("writes a local idea from the post, embeds it and marks the signal IDEATED", async () => {
    const community = uid("sub");
    await db.subreddit.create({ data: { name: community, style: "vaporwave neon grid" } });
    const s = await makeSignal({ community, title: "My monstera unfurled a leaf", keywords: ["monstera", "leaf"] });
    const idea = await writeIdeaForSignal(s.id);
    expect(idea).toMatchObject({ signalId: s.id, status: "NEW", writer: "local", promptVersion: "local-phrases@2" });
    expect(idea.templateFamily).toBeTruthy();
    expect(idea.phrases).toContain("monstera");
    expect(idea.imagePrompt).toContain("monstera");
    expect(idea.imagePrompt).toContain("vaporwave neon grid");
    expect(idea.embedding).toHaveLength(256);
    expect((await db.signal.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("IDEATED");
  });

  it("never gives one community the same template family twice in a row, reading the last one from the DB", async () => {
    const community = uid("sub");
    const titles = ["Plant parents unite: you're doing great, even if it's a cactus", "Weeding is my therapy and the garden is my therapist", "Just a few meeples hanging out", "Small wins still count", "Compost is just garbage with a plan", "Drink water, you beautiful houseplant with anxiety"];
    const families: (string | null)[] = [];
    for (const title of titles) {
      const idea = await writeIdeaForSignal((await makeSignal({ community, title })).id);
      expect(idea.template === null, idea.title).toBe(["own", "quote", "label"].includes(idea.templateFamily ?? ""));
      families.push(idea.templateFamily);
    }
    expect(families.every(Boolean)).toBe(true);
    for (let i = 1; i < families.length; i++) expect(families[i], `${titles[i]} after ${titles[i - 1]}`).not.toBe(families[i - 1]);
    // Another community starts fresh: the same post gets its best family there.
    const elsewhere = await writeIdeaForSignal((await makeSignal({ community: uid("sub"), title: titles[0] })).id);
    expect(elsewhere).toMatchObject({ title: "Plant Parents Unite", templateFamily: "own", template: null });
  });

  it("honours forced product types and refuses unknown ones and rejected signals", async () => {
    const s = await makeSignal({ keywords: ["cats"] });
    expect((await writeIdeaForSignal(s.id, { productTypes: ["mug", "poster"] })).productTypes).toEqual(["mug", "poster"]);
    await expect(writeIdeaForSignal(s.id, { productTypes: ["hoodie"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const bad = await makeSignal({ status: "REJECTED", rejectReason: "nsfw" });
    await expect(writeIdeaForSignal(bad.id)).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect(await db.idea.count({ where: { signalId: bad.id } })).toBe(0);
  });
});

describe("idea review workflow", () => {
  it("approve creates a QUEUED design and a design job (jobId = design.id), once", async () => {
    const admin = await makeUser("ADMIN");
    const idea = await makeIdea();
    const { idea: approved, design } = await approveIdea({ ideaId: idea.id, by: admin.id, quality: "high" });
    expect(approved).toMatchObject({ status: "APPROVED", reviewedById: admin.id });
    expect(design).toMatchObject({ ideaId: idea.id, status: "QUEUED", provider: "local", prompt: idea.imagePrompt, palette: [], quality: "high" });
    const job = await queue("design").getJob(design.id);
    expect(job?.data).toEqual({ designId: design.id });
    expect(await db.auditLog.count({ where: { entityId: idea.id, action: "idea.approve", actorId: admin.id } })).toBe(1);

    const again = await approveIdea({ ideaId: idea.id, by: admin.id });
    expect(again.design.id).toBe(design.id);
    expect(await db.design.count({ where: { ideaId: idea.id } })).toBe(1);
  });

  it("approve with enqueue=false creates the design without a job", async () => {
    const idea = await makeIdea();
    const { design } = await approveIdea({ ideaId: idea.id, enqueue: false });
    expect(await queue("design").getJob(design.id)).toBeFalsy();
  });

  it("refuses invalid transitions with CONFLICT and clear messages", async () => {
    const idea = await makeIdea();
    await rejectIdea({ ideaId: idea.id, note: "off-brand" });
    const rejected = await db.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(rejected).toMatchObject({ status: "REJECTED", reviewNote: "off-brand" });
    await expect(approveIdea({ ideaId: idea.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("rejected") });
    await expect(editIdea({ ideaId: idea.id, title: "New title" })).rejects.toMatchObject({ code: "CONFLICT" });

    const other = await makeIdea();
    await approveIdea({ ideaId: other.id, enqueue: false });
    await expect(rejectIdea({ ideaId: other.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("approved") });
    await db.idea.update({ where: { id: other.id }, data: { status: "DESIGNED" } });
    await expect(editIdea({ ideaId: other.id, theme: "new theme" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approveIdea({ ideaId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("edits a NEW idea with validation, re-embeds it and audits the change", async () => {
    const admin = await makeUser("ADMIN");
    const idea = await makeIdea();
    await expect(editIdea({ ideaId: idea.id, title: "x".repeat(61) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("60") });
    await expect(editIdea({ ideaId: idea.id, productTypes: ["hoodie"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const edited = await editIdea({ ideaId: idea.id, by: admin.id, title: "Sourdough Is My Cardio", theme: "cozy baking" });
    expect(edited).toMatchObject({ title: "Sourdough Is My Cardio", theme: "cozy baking", imagePrompt: idea.imagePrompt });
    expect(edited.embedding).not.toEqual(idea.embedding);
    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: idea.id, action: "idea.edit" } });
    expect(log).toMatchObject({ actorId: admin.id, data: { changed: { title: "Sourdough Is My Cardio", theme: "cozy baking" } } });
  });

  it("an edited image prompt reaches the design that has not started", async () => {
    const idea = await makeIdea();
    const { design } = await approveIdea({ ideaId: idea.id, enqueue: false });
    await editIdea({ ideaId: idea.id, imagePrompt: "hand-lettered script reading 'hello' with a small cactus, pastel palette" });
    expect((await db.design.findUniqueOrThrow({ where: { id: design.id } })).prompt).toContain("small cactus");
  });

  it("bulk approve queues every design; bulk reject is all-or-nothing", async () => {
    const admin = await makeUser("ADMIN");
    const ideas = await Promise.all([makeIdea(), makeIdea(), makeIdea()]);
    const res = await bulkApproveIdeas({ ideaIds: ideas.map((i) => i.id), by: admin.id });
    expect(res.approved).toBe(3);
    for (const id of res.designIds) expect(await queue("design").getJob(id)).toBeTruthy();
    expect(await db.auditLog.count({ where: { entityId: { in: ideas.map((i) => i.id) }, action: "idea.approve" } })).toBe(3);

    const fresh = await Promise.all([makeIdea(), makeIdea()]);
    await expect(bulkRejectIdeas({ ideaIds: [...fresh.map((i) => i.id), ideas[0].id], by: admin.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.idea.count({ where: { id: { in: fresh.map((i) => i.id) }, status: "NEW" } })).toBe(2);
    await bulkRejectIdeas({ ideaIds: fresh.map((i) => i.id), by: admin.id, note: "dupes" });
    expect(await db.idea.count({ where: { id: { in: fresh.map((i) => i.id) }, status: "REJECTED" } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityId: { in: fresh.map((i) => i.id) }, action: "idea.reject" } })).toBe(2);
  });
});

describe("ideas router", () => {
  it("refuses anonymous callers, and VIEWER callers on every change (viewers may read)", async () => {
    const viewer = await makeUser("VIEWER");
    const idea = await makeIdea();
    const v = createCaller({ user: viewer });
    await expect(createCaller({ user: null }).ideas.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(Array.isArray((await v.ideas.list({})).items)).toBe(true);
    await expect(v.ideas.approve({ ideaId: idea.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(v.ideas.reject({ ideaId: idea.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(v.ideas.edit({ ideaId: idea.id, title: "Hacked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(v.ideas.bulkApprove({ ideaIds: [idea.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(v.ideas.setWeight({ key: "novelty", value: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(v.ideas.scoreNow()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("NEW");
  });

  it("lists a page with signal, breakdown and design in a fixed number of statements", async () => {
    const admin = await makeUser("ADMIN");
    const community = uid("list");
    for (let i = 0; i < 12; i++) await makeIdea({ community, score: i / 12 });
    const caller = createCaller({ user: admin });
    const measure = async (limit: number) => {
      const before = statementCounter.count;
      const page = await caller.ideas.list({ community, limit });
      return { page, statements: statementCounter.count - before };
    };
    const small = await measure(2);
    const big = await measure(12);
    expect(big.page.items).toHaveLength(12);
    expect(big.statements).toBe(small.statements);
    expect(big.statements).toBeLessThanOrEqual(5);
    expect(big.page.items[0].signal.community).toBe(community);
    expect(big.page.items[0]).toHaveProperty("designs");
    expect(big.page.items.map((i) => i.score)).toEqual([...big.page.items.map((i) => i.score)].sort((a, b) => b - a));

    // Cursor pagination covers every idea once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await caller.ideas.list({ community, limit: 5, cursor });
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(12);
    expect(seen).toEqual(big.page.items.map((i) => i.id));

    await caller.ideas.reject({ ideaId: seen[0] });
    expect((await caller.ideas.list({ community, status: "REJECTED" })).items.map((i) => i.id)).toEqual([seen[0]]);
    expect((await caller.ideas.list({ community, status: "NEW" })).items).toHaveLength(11);
  });

  it("approves through the router and reports the design status for polling", async () => {
    const admin = await makeUser("ADMIN");
    const idea = await makeIdea();
    const caller = createCaller({ user: admin });
    const { design } = await caller.ideas.approve({ ideaId: idea.id });
    expect(await caller.ideas.designStatus({ ideaId: idea.id })).toMatchObject({ id: design.id, status: "QUEUED", progress: 0, ideaStatus: "APPROVED" });
    await expect(caller.ideas.edit({ ideaId: idea.id, title: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("validates weights and queues a scoring run", async () => {
    const caller = createCaller({ user: await makeUser("ADMIN") });
    await expect(caller.ideas.setWeight({ key: "halfLifeHours", value: 200 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.ideas.setWeight({ key: "engagement", value: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.ideas.setWeight({ key: "halfLifeHours", value: 24 });
    expect((await caller.ideas.weights()).find((w) => w.key === "halfLifeHours")).toMatchObject({ value: 24, min: 1, max: 168 });
    await caller.ideas.setWeight({ key: "halfLifeHours", value: 12 });
    const { jobId } = await caller.ideas.scoreNow();
    expect(await queue("score").getJob(jobId!)).toBeTruthy();
  });

  it("keeps a commission's idea out of the ideas queue: not listed, not approvable or rejectable there", async () => {
    const admin = await makeUser("ADMIN");
    const idea = await writeIdeaForSignal((await makeSignal({ title: "A commissioned heron portrait" })).id);
    const tier = await db.commissionTier.create({ data: { slug: uid("tier-"), name: "Test tier", priceCents: 700, allowedTypes: ["POST"] } });
    await db.commission.create({ data: { publicToken: uid("tok-"), tierId: tier.id, type: "POST", amountCents: 700, status: "IN_PROGRESS", ideaId: idea.id } });

    const listed = await createCaller({ user: admin }).ideas.list({ status: "NEW", limit: 100 });
    expect(listed.items.map((i: { id: string }) => i.id)).not.toContain(idea.id);
    await expect(approveIdea({ ideaId: idea.id, by: admin.id })).rejects.toThrow(/belongs to a paid commission/);
    await expect(rejectIdea({ ideaId: idea.id, by: admin.id })).rejects.toThrow(/belongs to a paid commission/);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("NEW");

    // The commission's own fulfilment may approve it.
    const { design } = await approveIdea({ ideaId: idea.id, enqueue: false, forCommission: true });
    expect(design.ideaId).toBe(idea.id);
  });
});
