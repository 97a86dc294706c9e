// Vega-Lite → Vega, at render time in Node: the page then carries only the Vega runtime and draws
// sooner (no Vega-Lite bundle to parse, no compile in the browser). A Vega-Lite error or warning is a
// bug in a chart builder, so it throws, naming the chart.
import { compile } from 'vega-lite';
import type { Spec } from './theme.ts';

export function toVega(name: string, spec: Spec): object {
  const problems: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => (problems.push(a.map(String).join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => (problems.push(a.map(String).join(' ')), logger),
  };
  // the $schema URL is only a label, but a report names no address at all
  const { $schema: _schema, ...vg } = compile(spec, { logger: logger as never }).spec;
  if (problems.length > 0) throw new Error(`reports: chart ${name}: ${problems.join('; ')}`);
  return vg;
}
