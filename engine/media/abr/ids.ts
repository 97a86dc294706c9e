// The ABR rules a scenario may name. dash.js's default is 'dynamic' (throughput + BOLA); 'lolp-lite' is a
// low-latency rule in the spirit of LoL+ / L2A-LL (off by default in dash.js too).
export const ABR_RULE_IDS = ['throughput', 'bola', 'dynamic', 'lolp-lite'] as const;
export type AbrRuleId = (typeof ABR_RULE_IDS)[number];
