import { enqueue } from "../../queues/enqueue";

/**
 * BullMQ priority of a print-files job on the design queue. BullMQ takes every job without a priority
 * before any prioritized one, so these come after the designs still to be made; and the design
 * worker lets commissions go first before each full-size file (workers/processors/design.ts).
 */
export const PRINT_FILES_PRIORITY = 10;

export const printFilesJobId = (designId: string) => `${designId}-print-files`;

/**
 * Queues the job that makes a design's master and print files after its preview was published.
 * One job id per design, so calling this again (a commission re-run) adds nothing.
 */
export async function queuePrintFiles(designId: string) {
  await enqueue("design", { designId, phase: "print-files" }, { jobId: printFilesJobId(designId), priority: PRINT_FILES_PRIORITY });
}
