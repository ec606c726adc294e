import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { assertSafeKey, type Storage } from "./types";

/** Files on local disk under DATA_DIR/files, served by /api/files/<key>. Writes are atomic. */
export class LocalStorage implements Storage {
  readonly name = "local" as const;
  constructor(
    private root: string,
    private baseUrl: string,
  ) {}

  private path(key: string) {
    assertSafeKey(key);
    return join(resolve(this.root), key);
  }

  async put(key: string, body: Buffer) {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, p);
  }

  async get(key: string) {
    try {
      return await readFile(this.path(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async exists(key: string) {
    try {
      await stat(this.path(key));
      return true;
    } catch {
      return false;
    }
  }

  publicUrl(key: string) {
    assertSafeKey(key);
    return `${this.baseUrl}/api/files/${key}`;
  }
}
