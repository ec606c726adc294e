import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFile } from "../scripts/lib/env-file";

const keys = ["ML_DOTENV_PORT", "ML_DOTENV_DIR", "ML_DOTENV_SET", "ML_DOTENV_KEPT"];
afterEach(() => keys.forEach((k) => delete process.env[k]));

describe("the .env that npm start and the CLI read", () => {
  it("takes values the environment does not set, and treats a blank line as unset (the default), like server/env.ts", () => {
    const file = join(mkdtempSync(join(tmpdir(), "merchloop-dotenv-")), ".env");
    // As a newcomer gets it from `cp .env.example .env`: most lines blank.
    writeFileSync(file, "ML_DOTENV_PORT=\nML_DOTENV_DIR=   \nML_DOTENV_SET=4000\nML_DOTENV_KEPT=from-file\n");
    process.env.ML_DOTENV_KEPT = "from-environment";
    loadEnvFile(file);
    expect(process.env.ML_DOTENV_PORT).toBeUndefined();
    expect(process.env.ML_DOTENV_DIR).toBeUndefined();
    expect(process.env.ML_DOTENV_SET).toBe("4000");
    expect(process.env.ML_DOTENV_KEPT).toBe("from-environment");
  });
});
