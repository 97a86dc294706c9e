// Comment clusters → host prompts, with cool-down and virtual latency.
export { Prompter, type PromptParams } from './prompter.ts';
export { ClusterTable, type Cluster, type ClusterParams } from './clusters.ts';
export { promptText } from './prompt-text.ts';
