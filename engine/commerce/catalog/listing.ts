// Explicit catalogs: a scenario (or a test) lists its SKUs. Every problem is reported in one pass.
import { InputError, type InputProblem } from '../../kernel/index.ts';
import { CATEGORIES, catalogOf, type Bilingual, type Catalog, type Category, type Sku, type VariantKind } from './types.ts';
import { VOCABULARY } from './vocabulary.ts';

export interface SkuListing {
  id: string;
  category: Category;
  subcategory?: string;
  name: string | Bilingual;
  brand?: string | Bilingual;
  /** live price, yuan */
  price: number;
  /** store price, yuan (default: the live price) */
  listPrice?: number;
  /** unit cost, yuan (default: from the category's mid margin) */
  cost?: number;
  stock: number;
  variants?: readonly { kind: VariantKind; label: string | Bilingual }[];
}

const bi = (x: string | Bilingual): Bilingual => (typeof x === 'string' ? { zh: x, en: x } : x);
const isMoney = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

export function createCatalog(listing: readonly SkuListing[], path = 'catalog'): Catalog {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  listing.forEach((l, i) => {
    const p = `${path}.${i}`;
    if (typeof l.id !== 'string' || l.id === '') problems.push({ path: `${p}.id`, expected: 'a non-empty SKU id', value: l.id });
    else if (seen.has(l.id)) problems.push({ path: `${p}.id`, expected: 'an id not used by an earlier SKU', value: l.id });
    seen.add(l.id);
    if (!(CATEGORIES as readonly string[]).includes(l.category)) problems.push({ path: `${p}.category`, expected: `one of ${CATEGORIES.join(', ')}`, value: l.category });
    if (!(isMoney(l.price) && l.price > 0)) problems.push({ path: `${p}.price`, expected: 'a positive amount in yuan with at most 2 decimals', value: l.price });
    if (l.listPrice !== undefined && !(isMoney(l.listPrice) && l.listPrice >= l.price)) {
      problems.push({ path: `${p}.listPrice`, expected: `an amount ≥ the live price ${l.price}`, value: l.listPrice });
    }
    if (l.cost !== undefined && !(isMoney(l.cost) && l.cost >= 0)) problems.push({ path: `${p}.cost`, expected: 'an amount ≥ 0', value: l.cost });
    if (!(Number.isSafeInteger(l.stock) && l.stock >= 0)) problems.push({ path: `${p}.stock`, expected: 'an integer ≥ 0', value: l.stock });
  });
  if (problems.length > 0) throw new InputError(problems);
  const skus: Sku[] = listing.map((l) => {
    const [lo, hi] = VOCABULARY[l.category].margin;
    const cost = l.cost ?? Math.round(l.price * (1 - (lo + hi) / 2) * 100) / 100;
    return {
      id: l.id,
      name: bi(l.name),
      brand: bi(l.brand ?? ''),
      category: l.category,
      subcategory: l.subcategory ?? '',
      price: l.price,
      listPrice: l.listPrice ?? l.price,
      cost,
      margin: Math.round(((l.price - cost) / l.price) * 1e4) / 1e4,
      stock: l.stock,
      variants: (l.variants ?? []).map((v, k) => ({ id: `${l.id}/${k}`, kind: v.kind, label: bi(v.label) })),
    };
  });
  return catalogOf(skus);
}
