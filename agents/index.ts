// Agents: the viewers and the host, driven by either runtime through the same statecharts. agents/
// imports only engine/kernel, engine/protocol.ts and profile types (DESIGN.md).
export * from './personas/index.ts';
export * from './viewer/index.ts';
export * from './host/index.ts';
