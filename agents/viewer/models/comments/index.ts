// The comment generator: intents by situation, zh/en templates, typos and noise.
export { chooseIntent, commentText, NOISE_RATE, type CommentSpec } from './generator.ts';
export { intentWeights, isQuestion, type ChatSituation } from './intents.ts';
export { zhNoise, enNoise } from './noise.ts';
