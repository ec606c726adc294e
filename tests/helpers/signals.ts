import type { Prisma, Signal } from "@prisma/client";
import { db } from "../../server/db";
import { uid } from "./factories";

let sourceId: Promise<string> | undefined;

/** The LOCAL "test" source every test signal hangs off (created once per process). */
export function testSource(): Promise<string> {
  sourceId ??= db.source
    .upsert({ where: { key: "test" }, create: { key: "test", kind: "LOCAL", name: "Tests" }, update: {} })
    .then((s) => s.id)
    .catch(async () => (await db.source.findUniqueOrThrow({ where: { key: "test" } })).id);
  return sourceId;
}

export type SignalOverrides = Partial<Omit<Prisma.SignalUncheckedCreateInput, "sourceId">>;

/** One signal (NEW unless told) with unique external id and content hash. */
export async function makeSignal(o: SignalOverrides = {}): Promise<Signal> {
  const id = uid("sig-");
  return db.signal.create({
    data: {
      sourceId: await testSource(),
      externalId: id,
      contentHash: `hash-${id}`,
      community: "testsub",
      title: `A post about ${id}`,
      body: "",
      score: 10,
      comments: 2,
      postedAt: new Date(Date.now() - 2 * 3_600_000),
      keywords: [],
      raw: {},
      ...o,
    },
  });
}

/** Many signals with one createMany (for baselines); returns nothing, query by community. */
export async function makeSignals(n: number, f: (i: number) => SignalOverrides) {
  const src = await testSource();
  await db.signal.createMany({
    data: Array.from({ length: n }, (_, i) => {
      const id = uid("sig-");
      return { sourceId: src, externalId: id, contentHash: `hash-${id}`, community: "testsub", title: `Post ${id}`, score: 10, comments: 2, postedAt: new Date(Date.now() - 3_600_000), keywords: [], raw: {}, ...f(i) };
    }),
  });
}
