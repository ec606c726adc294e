// Prints every tRPC procedure of the app router as JSON [{ path, type }]. Run with tsx in its own
// process (the router's imports are ESM/CommonJS mixes that Playwright's loader does not take).
import { appRouter } from "../../server/api/root";

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
process.stdout.write(JSON.stringify(Object.entries(procedures).map(([path, p]) => ({ path, type: p._def.type }))));
