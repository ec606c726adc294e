import { join } from "node:path";
import { env } from "../../env";
import { selectProvider } from "../select";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage } from "./types";

export type { Storage } from "./types";

/** Local files under DATA_DIR/files (served by /api/files), or any S3-compatible store. */
export const storage = selectProvider(
  (e) => [e.providers.storage, e.DATA_DIR, e.appUrl, e.S3_BUCKET, e.S3_REGION, e.S3_ENDPOINT, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY, e.S3_PUBLIC_URL].join("|"),
  (e): Storage =>
    e.providers.storage === "s3"
      ? new S3Storage({
          bucket: e.S3_BUCKET!,
          region: e.S3_REGION,
          endpoint: e.S3_ENDPOINT,
          accessKeyId: e.S3_ACCESS_KEY_ID!,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          publicUrl: e.S3_PUBLIC_URL,
        })
      : new LocalStorage(join(e.DATA_DIR, "files"), e.appUrl),
);

/** Path a page in this app uses for a stored file (relative for local, absolute for S3). */
export function fileHref(key: string): string {
  const url = storage().publicUrl(key);
  return url.startsWith(env().appUrl) ? url.slice(env().appUrl.length) : url;
}
