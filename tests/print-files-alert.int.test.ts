import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { AlertBanner } from "../components/admin/analytics/alert-banner";
import { db } from "../server/db";
import { queue } from "../server/queues/connection";
import { PRINT_FILES_RULE } from "../server/services/design/print-files-alert";
import { submitOrder, WAITING_FOR_PRINT_FILES } from "../server/services/shop/submit-order";
import { design } from "../workers/processors/design";
import { completedCommission, jobAttempt } from "./helpers/commissions";
import { paidOrder } from "./helpers/shop";

// The design worker's last attempt failing, while the design's product is already on sale (a
// commission publishes from the preview), raises an alert; the design becoming DONE resolves it.
// The failure is injected at runDesign (a renderer crash cannot be caused on demand); everything
// else — the processor, the alert, its notification, the orders it counts — is the real code.
const crash = vi.hoisted(() => ({ message: "" }));
vi.mock("../server/services/design/run-design", async (importOriginal) => {
  const real = await importOriginal<typeof import("../server/services/design/run-design")>();
  return { ...real, runDesign: (...args: Parameters<typeof real.runDesign>) => (crash.message ? Promise.reject(new Error(crash.message)) : real.runDesign(...args)) };
});

describe("print files that fail on the last attempt", () => {
  it("alert once, counting the paid orders that wait, and resolve when the design is done", async () => {
    const { commission: c, product, designId } = await completedCommission("The lighthouse keeper's cat retires");
    const order = await paidOrder([{ variantId: product.variants[0].id, quantity: 1 }]);
    expect(await submitOrder(order.id)).toMatchObject({ outcome: WAITING_FOR_PRINT_FILES });
    const alerts = () => db.alert.findMany({ where: { rule: PRINT_FILES_RULE, dedupeKey: { startsWith: `${PRINT_FILES_RULE}:${designId}:` } } });

    crash.message = "the renderer ran out of memory";
    // An attempt with retries left: the queue will try again, no alert.
    await expect(design({ designId, phase: "print-files" }, jobAttempt(0))).rejects.toThrow(/out of memory/);
    expect(await alerts()).toHaveLength(0);
    // The last attempt: one alert naming the product, the error and the waiting order.
    await expect(design({ designId, phase: "print-files" }, jobAttempt(2))).rejects.toThrow(/out of memory/);
    const [fired] = await alerts();
    expect(fired).toMatchObject({ status: "FIRING", value: 1, link: `/admin/designs/${designId}` });
    // The dashboard banner links it to the design's page, where the admin retries it.
    expect(renderToStaticMarkup(createElement(AlertBanner, { alerts: [fired] }))).toContain(`href="/admin/designs/${designId}"`);
    expect(fired.message).toContain(`"${product.title}"`);
    expect(fired.message).toContain("the renderer ran out of memory");
    expect(fired.message).toContain("1 paid order wait");
    // The same job delivered again (a crash after the alert) does not fire a second one.
    await expect(design({ designId, phase: "print-files" }, jobAttempt(2))).rejects.toThrow();
    expect(await alerts()).toHaveLength(1);

    // The retry succeeds: the alert is resolved. (The commission's own job, which no worker runs
    // here, would hold each print file for its 30 s budget: commissions go first.)
    for (const j of await queue("commission").getJobs(["waiting", "prioritized"])) if (j?.data?.commissionId === c.id) await j.remove();
    crash.message = "";
    await design({ designId, phase: "print-files" }, jobAttempt(0));
    expect(await db.design.findUniqueOrThrow({ where: { id: designId } })).toMatchObject({ status: "DONE" });
    expect(await alerts()).toMatchObject([{ id: fired.id, status: "RESOLVED" }]);
  });
});
