import type SnoowrapType from "snoowrap";

type RequestOptions = Parameters<SnoowrapType["rawRequest"]>[0];
type Options = ConstructorParameters<typeof SnoowrapType>[0];

/**
 * A snoowrap client (imported lazily: it is large and only the live Reddit providers need it). With
 * `origin` set (a caching proxy, or a contract server in tests), every request — the token exchange
 * at www.reddit.com and the API calls at oauth.reddit.com — goes to that origin instead.
 */
export async function snoowrapClient(options: Options, origin?: string | null): Promise<SnoowrapType> {
  const { default: Snoowrap } = await import("snoowrap");
  const to = origin?.replace(/\/$/, "");
  class RoutedSnoowrap extends Snoowrap {
    rawRequest(request: RequestOptions) {
      const o = request as RequestOptions & { baseUrl?: string };
      if (to && typeof o.baseUrl === "string" && /^https:\/\/(www|oauth)\.reddit\.com$/.test(o.baseUrl)) {
        return super.rawRequest({ ...o, baseUrl: to } as RequestOptions);
      }
      return super.rawRequest(request);
    }
  }
  return new RoutedSnoowrap(options);
}
