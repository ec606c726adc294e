// What one external call consumed, returned by a provider so the service that made the call can
// write its cost row (a provider never calls up into a service).
export type ProviderUsage = {
  provider: "openai" | "sdxl";
  operation: "chat" | "embeddings" | "moderation" | "images" | "sdxl";
  /** model name, part of the price key (e.g. gpt-4o-mini) */
  model: string;
  /** quantities per priced unit, e.g. { input_token: 812, output_token: 95 } or { image: 1 } or { second: 7.4 } */
  units: Record<string, number>;
};
