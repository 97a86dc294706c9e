// Small mappings from scenario sections to the engine's input types (types only are imported), so the
// runner does not re-derive units: listed SKUs → commerce SkuListing, network events → the overlay's
// ScriptedEvent, a persona mix entry → overrides of agents' PersonaSegmentConfig.
import type { PersonaSegmentConfig } from '../../agents/personas/config.ts';
import type { InterestDim } from '../../agents/personas/categories.ts';
import type { SkuListing } from '../../engine/commerce/catalog/listing.ts';
import type { VariantKind } from '../../engine/commerce/catalog/types.ts';
import { VOCABULARY } from '../../engine/commerce/catalog/vocabulary.ts';
import type { ScriptedEvent } from '../../network-profiles/overlay/events.ts';
import type { PersonaMixEntry } from './sections/audience.ts';
import type { CatalogSku } from './sections/catalog.ts';
import type { NetworkEvent } from './sections/network.ts';

const MIN = 60_000;
const KIND_OF_CATEGORY: Record<CatalogSku['category'], VariantKind> = { beauty: 'shade', food: 'flavor', apparel: 'size' };

export function toSkuListings(skus: readonly CatalogSku[]): SkuListing[] {
  return skus.map((s) => {
    const sub = s.subcategory === undefined ? undefined : VOCABULARY[s.category].subcategories.find((x) => x.key === s.subcategory);
    const kind = sub?.variantKind ?? KIND_OF_CATEGORY[s.category];
    return {
      id: s.id,
      category: s.category,
      ...(s.subcategory !== undefined ? { subcategory: s.subcategory } : {}),
      name: s.name,
      price: s.price,
      ...(s.listPrice !== undefined ? { listPrice: s.listPrice } : {}),
      ...(s.margin !== undefined ? { cost: Math.round(s.price * (1 - s.margin) * 100) / 100 } : {}),
      stock: s.stock,
      variants: s.variants.map((label) => ({ kind, label })),
    };
  });
}

/** The overlay event (times in ms from the show start); who it hits (share, profiles) stays with the runner. */
export function toScriptedEvent(e: NetworkEvent): ScriptedEvent {
  const atMs = e.at * MIN;
  switch (e.type) {
    case 'tunnel':
      return { kind: 'tunnel', atMs, durationMs: e.durationSeconds * 1000 };
    case 'handover':
      return { kind: 'handover', atMs, interruptionMs: e.interruptionMs, rttSpikeMs: e.rttSpikeMs, spikeDurationMs: e.spikeDurationSeconds * 1000 };
    case 'congestion':
      return { kind: 'congestion', atMs, durationMs: e.durationSeconds * 1000, capacityShare: e.capacityShare, rampMs: e.rampSeconds * 1000, rttAddMs: e.rttAddMs };
  }
}

/** Which built-in persona an entry starts from (`like`, else its own name) and what it changes. */
export function personaOverrides(p: PersonaMixEntry): { base: string; overrides: Partial<PersonaSegmentConfig> } {
  const o: { -readonly [K in keyof PersonaSegmentConfig]?: PersonaSegmentConfig[K] } = { name: p.name, weight: p.weight };
  if (p.budget) o.budgetMonthly = { ...p.budget };
  if (p.priceSensitivity) o.priceSensitivity = { ...p.priceSensitivity };
  if (p.impulse !== undefined) o.decisionCycle = { mean: 1 - p.impulse, sd: 1 };
  if (p.patience) o.stayMinutes = { ...p.patience };
  if (p.chattiness) o.chattiness = { ...p.chattiness };
  if (p.interests) o.interestBias = { ...p.interests } as Partial<Record<InterestDim, number>>;
  if (p.followerShare !== undefined) o.followerShare = p.followerShare;
  return { base: p.like ?? p.name, overrides: o };
}
