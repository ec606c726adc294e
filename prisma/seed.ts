/**
 * Idempotent seed: the first admin, reference data (sources, subreddits, calendar, scoring weights,
 * commission tiers, fundraising goals) and — once — a demo that shows the whole loop: the shipped
 * Reddit listings are ingested and scored into ideas, and the best few are approved so the workers
 * turn them into designs and published products while you watch the dashboard.
 */
import { db, disconnectDb } from "../server/db";
import { env } from "../server/env";
import { ensureAdmin } from "../server/auth/ensure-admin";
import { saveAdminPassword } from "../server/auth/admin-password-file";
import { seedIngestion } from "../server/services/ingest/seed-ingestion";
import { seedScoringWeights } from "../server/services/scoring/seed-weights";
import { seedPrices } from "../server/services/costs/prices";
import { seedTiers } from "../server/services/commissions/seed-tiers";
import { seedFundraising } from "../server/services/donations/seed-fundraising";
import { seedCatalogue, syncProductVariants } from "../server/services/shop/catalogue";
import { closeQueues } from "../server/queues/connection";

const DEMO_KEY = "demoSeededAt";
const DEMO_APPROVALS = Number(process.env.DEMO_APPROVALS ?? 3);

export async function seed() {
  const e = env();
  const admin = await ensureAdmin(db, { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD });
  if (admin.generatedPassword) {
    // Written once to a 0600 file; shown on screen only when a person is watching (never into logs).
    const file = saveAdminPassword(e.DATA_DIR, admin.email, admin.generatedPassword);
    console.log("\n  ┌──────────────────────────────────────────────────────────────");
    console.log(`  │ Admin account created: ${admin.email}`);
    if (process.stdout.isTTY) console.log(`  │ Password: ${admin.generatedPassword}`);
    console.log(`  │ The password is in ${file} (readable by you only).`);
    console.log("  │ Set ADMIN_EMAIL / ADMIN_PASSWORD to choose your own.");
    console.log("  └──────────────────────────────────────────────────────────────\n");
  } else {
    console.log(`  admin account: ${admin.email}${e.ADMIN_PASSWORD ? " (password from ADMIN_PASSWORD)" : ` (generated password in ${e.DATA_DIR}/admin-password)`}`);
  }

  await seedIngestion();
  await seedScoringWeights();
  await seedPrices();
  await seedTiers();
  await seedFundraising();
  const catalogue = await seedCatalogue();
  // Products published before the shop existed get their variants once.
  const bare = await db.product.findMany({ where: { variants: { none: {} } }, select: { listingId: true } });
  for (const p of bare) await syncProductVariants(p.listingId);
  if (catalogue.created || bare.length) console.log(`  shop: ${catalogue.created} catalogue variants added, ${bare.length} products given variants`);

  const already = await db.setting.findUnique({ where: { key: DEMO_KEY } });
  if (already || process.env.SEED_DEMO === "0") return;

  const { runIngest } = await import("../server/services/ingest/run-ingest");
  const { scoreNewSignals } = await import("../server/services/scoring/score-signals");
  const { approveIdea } = await import("../server/services/ideas/approve-idea");
  const summary = await runIngest({ sourceKey: "reddit" });
  console.log(`  demo ingest: read ${summary.read}, new ${summary.new}, updated ${summary.updated}, rejected ${JSON.stringify(summary.rejected)}`);
  const scored = await scoreNewSignals();
  console.log(`  demo scoring: ${scored.scored} signals scored, ${scored.ideaIds.length} ideas written`);
  const best = await db.idea.findMany({ where: { id: { in: scored.ideaIds }, status: "NEW" }, orderBy: { score: "desc" }, take: DEMO_APPROVALS });
  for (const idea of best) await approveIdea({ ideaId: idea.id, by: undefined });
  console.log(`  demo: approved ${best.length} ideas; the workers are designing and publishing them now`);
  await db.setting.create({ data: { key: DEMO_KEY, value: new Date().toISOString() } });
}

if (require.main === module) {
  seed()
    .then(async () => {
      await closeQueues();
      await disconnectDb();
    })
    .catch(async (err) => {
      console.error(`seed failed: ${err instanceof Error ? err.message : err}`);
      await closeQueues().catch(() => undefined);
      await disconnectDb().catch(() => undefined);
      process.exit(1);
    });
}
