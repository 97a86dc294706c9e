import { describe, expect, it } from 'vitest';
import { InputError } from '../../kernel/index.ts';
import { createCatalog, generateCatalog, LIVE_DISCOUNT, VOCABULARY } from './index.ts';

describe('generated catalog', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const a = generateCatalog({ seed: 42, size: 30 });
    const b = generateCatalog({ seed: 42, size: 30 });
    const c = generateCatalog({ seed: 43, size: 30 });
    expect(JSON.stringify(a.skus)).toBe(JSON.stringify(b.skus));
    expect(a.skus.map((s) => s.name.en)).not.toEqual(c.skus.map((s) => s.name.en));
    expect(a.skus.map((s) => s.price)).not.toEqual(c.skus.map((s) => s.price));
  });

  it('does not depend on what was generated before (the faker instances are reseeded)', () => {
    const first = generateCatalog({ seed: 5, size: 10 });
    generateCatalog({ seed: 6, size: 50 });
    expect(generateCatalog({ seed: 5, size: 10 }).skus).toEqual(first.skus);
  });

  it('gives every SKU a sane shape: prices 7.6 % below list, margin in the category range, stock, variants, two names', () => {
    const cat = generateCatalog({ seed: 1, size: 300 });
    expect(new Set(cat.skus.map((s) => s.category))).toEqual(new Set(['beauty', 'food', 'apparel']));
    for (const s of cat.skus) {
      expect(cat.byId.get(s.id)).toBe(s);
      expect(s.price).toBeCloseTo(s.listPrice * (1 - LIVE_DISCOUNT), 2);
      expect(s.listPrice % 10).toBe(9);
      const [lo, hi] = VOCABULARY[s.category].margin;
      expect(s.margin).toBeGreaterThanOrEqual(lo - 0.01);
      expect(s.margin).toBeLessThanOrEqual(hi + 0.01);
      expect(Number.isInteger(s.stock) && s.stock >= 10).toBe(true);
      expect(s.variants.length).toBeGreaterThanOrEqual(1);
      expect(new Set(s.variants.map((v) => v.kind)).size).toBe(1);
      expect(s.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.name.en).toMatch(/^[A-Za-z' -]+$/);
      expect(VOCABULARY[s.category].subcategories.map((x) => x.key)).toContain(s.subcategory);
    }
  });

  it('follows category weights: a beauty room only lists beauty', () => {
    const cat = generateCatalog({ seed: 9, size: 40, categories: { beauty: 1 } });
    expect(cat.skus.every((s) => s.category === 'beauty')).toBe(true);
  });

  it('rejects bad options, naming each', () => {
    expect(() => generateCatalog({ seed: 1, size: 0, categories: { toys: 1 } as never, liveDiscount: 1 })).toThrow(InputError);
    try {
      generateCatalog({ seed: 1, size: 0, liveDiscount: 1 });
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.path)).toEqual(['catalog.size', 'catalog.liveDiscount']);
    }
  });
});

describe('explicit catalog listing', () => {
  it('builds SKUs with defaults (list price = price, cost from the category mid margin)', () => {
    const cat = createCatalog([{ id: 'L1', category: 'apparel', name: { zh: '连衣裙', en: 'Dress' }, price: 100, stock: 5, variants: [{ kind: 'size', label: 'M' }] }]);
    const s = cat.byId.get('L1')!;
    expect([s.listPrice, s.cost, s.margin, s.variants[0]!.id]).toEqual([100, 50, 0.5, 'L1/0']);
  });

  it('lists every problem at once', () => {
    try {
      createCatalog([
        { id: 'a', category: 'food', name: 'x', price: 10, stock: 1 },
        { id: 'a', category: 'toys' as never, name: 'y', price: 0.001, stock: -1 },
        { id: 'c', category: 'food', name: 'z', price: 10, listPrice: 9.99, stock: 1 },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.path)).toEqual(['catalog.1.id', 'catalog.1.category', 'catalog.1.price', 'catalog.1.stock', 'catalog.2.listPrice']);
      expect((e as Error).message).toContain('catalog.1.stock: expected an integer ≥ 0, got -1');
    }
  });

  it('follows a plan exactly: counts per category in order, prices inside the range, the stock median', () => {
    const cat = generateCatalog({
      seed: 3,
      size: 0,
      plan: [
        { category: 'beauty', count: 30, priceRange: [200, 500] },
        { category: 'food', count: 200, stockMedian: 40 },
      ],
    });
    expect(cat.skus.map((k) => k.category)).toEqual([...Array(30).fill('beauty'), ...Array(200).fill('food')]);
    const beauty = cat.skus.slice(0, 30);
    expect(beauty.every((k) => k.price >= 200 && k.price <= 500)).toBe(true);
    // not piled on the bounds: the range is sampled, not clamped
    expect(new Set(beauty.map((k) => k.price)).size).toBeGreaterThan(20);
    const stocks = cat.skus.slice(30).map((k) => k.stock).sort((a, b) => a - b);
    const median = stocks[100]!;
    expect(median).toBeGreaterThan(30);
    expect(median).toBeLessThan(55);
    // the unplanned default stays at 500
    const plain = generateCatalog({ seed: 3, size: 200, categories: { food: 1 } }).skus.map((k) => k.stock).sort((a, b) => a - b);
    expect(plain[100]).toBeGreaterThan(380);
  });

  it('rejects a bad plan naming each entry', () => {
    try {
      generateCatalog({ seed: 1, size: 0, plan: [{ category: 'beauty', count: 0 }, { category: 'food', count: 2, priceRange: [50, 10], stockMedian: -1 }] });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.path)).toEqual([
        'catalog.generate.categories[0].count',
        'catalog.generate.categories[1].priceRange',
        'catalog.generate.categories[1].stockMedian',
      ]);
    }
  });
});
