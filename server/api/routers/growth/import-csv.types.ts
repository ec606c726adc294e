import { z } from "zod";
export const ZImportCsv = z.object({ format: z.enum(["zazzle", "generic"]), text: z.string().min(1, "the file is empty").max(5_000_000, "at most 5 MB per file"), fileName: z.string().max(200).optional() });
