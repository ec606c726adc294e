import { chmodSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { saveAdminPassword } from "../server/auth/admin-password-file";

describe("generated admin password file", () => {
  it("is readable by the owner only, also when it replaces an older file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ml-admin-"));
    const file = saveAdminPassword(dir, "admin@example.com", "first-password-123");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain("first-password-123");
    chmodSync(file, 0o644);
    saveAdminPassword(dir, "admin@example.com", "second-password-456");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).not.toContain("first-password-123");
  });
});
