// The switchable marketing policies that scenarios compare: one file per strategy, one registry.
export { STRATEGIES, STRATEGY_NAMES, strategyByName, withOverrides, type StrategyName } from './registry.ts';
export { TOOLS, toolsOn, withTools, type Strategy, type Tool } from './strategy.ts';
