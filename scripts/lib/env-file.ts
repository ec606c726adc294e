import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/**
 * Loads an env file (`.env`, or the services file `npm start` leaves) for what the environment does
 * not set already. A blank line such as `PORT=` (as in .env.example) means "the default", as
 * server/env.ts reads it, not an empty value: process.loadEnvFile would set PORT to "" (port 0),
 * DATA_DIR to "" (the repository itself) and LOG_LEVEL to "" (past the CLI's `??=` default).
 */
export function loadEnvFile(file: string) {
  if (!existsSync(file)) return;
  for (const [k, v] of Object.entries(parseEnv(readFileSync(file, "utf8")))) {
    if (v && v.trim() !== "" && process.env[k] === undefined) process.env[k] = v;
  }
}
