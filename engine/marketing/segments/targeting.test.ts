import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKETING_CONFIG } from '../config.ts';
import { catalogInfoFromSkus } from '../core/catalog-adapter.ts';
import { indexCatalog } from '../core/catalog.ts';
import { BEAUTY_CATALOG } from '../fixtures.ts';
import { pickSku, targetedPush } from './targeting.ts';

const cat = indexCatalog(BEAUTY_CATALOG);
const p = DEFAULT_MARKETING_CONFIG.targeting;
const lipstick = cat.categories.indexOf('lipstick');

describe('targeting', () => {
  it.each([
    // catalog terciles: < 89 low, 89–258 mid, ≥ 259 high; lip-01 (89) and lip-02 (159) are both mid
    [0, 'lip-01', 'a low spender: no low lipstick, the nearest tier, first in catalog order'],
    [1, 'lip-01', 'a mid spender: the first mid-tier lipstick'],
    [2, 'lip-03', 'a high spender: the dearest'],
    [-1, 'lip-01', 'unknown counts as mid'],
  ])('bucket %i → %s (%s)', (bucket, want, _why) => {
    expect(cat.skus[pickSku(cat, lipstick, bucket, undefined)]!.sku).toBe(want);
  });

  it('breaks ties between equally fitting SKUs by heat', () => {
    const eyeshadow = cat.categories.indexOf('eyeshadow');
    // eye-01 (129) is mid, eye-02 (399) high: a low spender is 1 tier from eye-01 and 2 from eye-02
    expect(cat.skus[pickSku(cat, eyeshadow, 0, (i) => (cat.skus[i]!.sku === 'eye-02' ? 100 : 0))]!.sku).toBe('eye-01');
    const two = indexCatalog({ skus: [{ sku: 'a', name: 'A', category: 'tea', price: 10, margin: 0.3 }, { sku: 'b', name: 'B', category: 'tea', price: 10, margin: 0.3 }] });
    expect(pickSku(two, 0, 1, (i) => i)).toBe(1);
  });

  it('issues coupons through commerce and sends cards straight to the viewer', () => {
    const i = cat.skuIndex.get('lip-02')!;
    expect(targetedPush(cat, i, 42, 0, p)).toEqual({ to: 'commerce', msg: { type: 'coupon.issue', to: 42, sku: 'lip-02', discount: 15.9, minSpend: 159, ttlMs: p.couponTtlMs } });
    expect(targetedPush(cat, i, 42, 2, p)).toEqual({ to: 42, msg: { type: 'product.card', sku: 'lip-02', category: 'lipstick', price: 159, reason: 'targeted' } });
  });

  it('names the top category and the subcategory on a card for a commerce catalog', () => {
    const c = indexCatalog(catalogInfoFromSkus([{ id: 's1', name: { zh: '口红', en: 'Lipstick' }, category: 'beauty', subcategory: 'lipstick', price: 99, margin: 0.5 }]));
    expect(targetedPush(c, 0, 7, 2, { ...p, push: 'card' }).msg).toMatchObject({ category: 'beauty', subcategory: 'lipstick' });
  });
});
