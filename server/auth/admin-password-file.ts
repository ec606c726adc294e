import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Keeps a generated admin password where only the operator can read it: DATA_DIR/admin-password,
 * mode 0600. Called once, when the admin account is created with a generated password (a stale file
 * from an earlier database is replaced). Returns the file's path.
 * Logs never carry the password; it is printed only to an interactive terminal (see prisma/seed.ts).
 */
export function saveAdminPassword(dataDir: string, email: string, password: string): string {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "admin-password");
  writeFileSync(file, "", { mode: 0o600 });
  chmodSync(file, 0o600); // before the secret goes in, also when the file already existed
  writeFileSync(file, `email: ${email}\npassword: ${password}\n`);
  return file;
}
