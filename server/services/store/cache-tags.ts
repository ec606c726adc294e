// Cache tags of storefront pages, shared by the pages that declare them and storefrontChanged().

/** Every gallery page (/ and /shop/N). */
export const GALLERY_TAG = "storefront:gallery";
/** One product page (/products/<slug>). */
export const productTag = (slug: string) => `storefront:product:${slug}`;
