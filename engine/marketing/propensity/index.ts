// Spending propensity: a per-viewer index and bucket, the room's mix, and pitch ordering from it.
export { propensityIndex, viewerPropensity, viewerBucket, bucketOf, PROPENSITY_BUCKETS, type PropensityBucket, type PropensityParams, type PropensityInputs } from './propensity.ts';
export { AudienceMix } from './audience.ts';
export { orderPitches, FIT } from './pitch-order.ts';
