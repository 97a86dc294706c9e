// Personas: who the viewers are. A seeded sampler (faker for names and cities), its config and the
// interest space (categories and topics) that the viewer's choice and drift models share.
export { PersonaSampler } from './sampler.ts';
export { DEFAULT_PERSONA_CONFIG, type PersonaConfig, type PersonaSegmentConfig, type Spread, type Share, type Weights } from './config.ts';
export { checkPersonaConfig, personaConfigProblems } from './validate.ts';
export {
  CATEGORIES, FAMILIES, TOPICS, INTEREST_DIMS, INTEREST_SIZE, categoryIndex, familyOf, topicIndex,
  type Category, type Family, type Topic, type InterestDim,
} from './categories.ts';
export { AGE_BANDS, CITY_TIERS, DEVICES, GENDERS, NETWORK_FAMILIES, type AgeBand, type CityTier, type Device, type Gender, type Persona } from './types.ts';
export { IdentitySampler, type Identity } from './identity.ts';
export { goesWithIndex } from './categories.ts';
export { spendTag, SPEND_TAG, type SpendTagParams } from './spend-tag.ts';
