/**
 * Zazzle product templates used by create-a-product links, one per Merchloop product type.
 *
 * Each id is the `pd` of a product template saved in the Merchloop Zazzle store whose first image
 * placeholder is named `image1` (the link fills it with `t_image1_url`). To use your own store,
 * open the template on zazzle.com, copy the numeric product id from its URL and replace it here.
 * Product types without an entry are simply not offered on Zazzle.
 */
export const ZAZZLE_TEMPLATES: Record<string, { templateId: string; label: string }> = {
  tee: { templateId: "235310963432713455", label: "Basic T-Shirt" },
  mug: { templateId: "168739066664861503", label: "Classic Mug 11 oz" },
  poster: { templateId: "228314718016516543", label: "Poster 18×24 in" },
  sticker: { templateId: "217331384497935151", label: "Square Sticker 3 in" },
};
