import { join } from "node:path";
import { env } from "../../env";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage } from "./types";

export type { Storage } from "./types";

let instance: Storage | undefined;

export function storage(): Storage {
  if (instance) return instance;
  const e = env();
  instance =
    e.providers.storage === "s3"
      ? new S3Storage({
          bucket: e.S3_BUCKET!,
          region: e.S3_REGION,
          endpoint: e.S3_ENDPOINT,
          accessKeyId: e.S3_ACCESS_KEY_ID!,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          publicUrl: e.S3_PUBLIC_URL,
        })
      : new LocalStorage(join(e.DATA_DIR, "files"), e.appUrl);
  return instance;
}

/** Path a page in this app uses for a stored file (relative for local, absolute for S3). */
export function fileHref(key: string): string {
  const url = storage().publicUrl(key);
  return url.startsWith(env().appUrl) ? url.slice(env().appUrl.length) : url;
}
