import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { AppError } from "../../errors";
import { parseListing, type ParsedListing } from "./listing";

// Reading files that hold Reddit Listing JSON (what `/r/<sub>/hot.json` returns, saved to disk).

export type ListingFile = ParsedListing & { file: string; name: string };

/** The listing files at `path`: the file itself, or every *.json in the directory (sorted by name). */
export async function listingFilePaths(path: string): Promise<string[]> {
  const s = await stat(path).catch(() => null);
  if (!s) throw new AppError("BAD_REQUEST", `No such file or directory: ${path}`);
  if (s.isFile()) return [path];
  const names = (await readdir(path)).filter((n) => extname(n).toLowerCase() === ".json").sort();
  return names.map((n) => join(path, n));
}

/** Parse one listing file; a file that is not a Reddit Listing gives a clear error naming it. */
export async function readListingFile(file: string): Promise<ListingFile> {
  const text = await readFile(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError("BAD_REQUEST", `${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return { ...parseListing(json), file, name: basename(file, extname(file)).toLowerCase() };
  } catch {
    throw new AppError("BAD_REQUEST", `${file} is not a Reddit Listing ({"kind":"Listing","data":{"children":[…]}})`);
  }
}
