// The run's catalog, from the scenario: a listed catalog as written, or one generated from the plan
// (exactly `count` SKUs per category in the order written, each category's price range and stock median;
// one stream keyed by the run seed). The simulation and the stress runtime both build theirs here.
import { createCatalog, generateCatalog, type Catalog } from '../../../engine/commerce/index.ts';
import { catalogPlan, toSkuListings, type Scenario } from '../../../scenarios/schema/index.ts';

export function buildCatalog(s: Scenario): Catalog {
  if (s.catalog.skus !== undefined) return createCatalog(toSkuListings(s.catalog.skus));
  const plan = catalogPlan(s.catalog)!;
  return generateCatalog({ seed: s.seed, size: 0, plan: plan.categories, liveDiscount: plan.liveDiscount, priceSigma: plan.priceSigma });
}

/** SKUs matching a scenario category: 'beauty', 'lipstick' or 'beauty.lipstick', in catalog order */
export function skusOf(catalog: Catalog, category: string): string[] {
  const [a, b] = category.split('.');
  return catalog.skus
    .filter((k) => (b !== undefined ? k.category === a && k.subcategory === b : k.category === a || k.subcategory === a))
    .map((k) => k.id);
}
