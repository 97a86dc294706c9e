export { CATEGORIES, catalogOf, type Catalog, type Category, type Sku, type Variant, type VariantKind, type Bilingual } from './types.ts';
export { generateCatalog, LIVE_DISCOUNT, type CatalogOptions, type CategoryPlan } from './generate.ts';
export { createCatalog, type SkuListing } from './listing.ts';
export { VOCABULARY } from './vocabulary.ts';
export { GOES_WITH, goesWith } from './goes-with.ts';
