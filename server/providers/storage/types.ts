export interface Storage {
  readonly name: "local" | "s3";
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  /** Absolute URL a browser or a marketplace can fetch the file from. */
  publicUrl(key: string): string;
}

/** Keys are relative paths of safe segments: no "..", no leading slash. */
export function assertSafeKey(key: string) {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._\-/]*$/.test(key) || key.includes("..") || key.includes("//")) {
    throw new Error(`unsafe storage key: ${key}`);
  }
}
