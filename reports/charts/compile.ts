// Vega-Lite → Vega, at render time in Node: the page then carries only the Vega runtime and draws
// sooner (no Vega-Lite bundle to parse, no compile in the browser). Vega-Lite errors throw, naming the
// chart; warnings throw too when `strict` (the chart tests), since a warning there is a builder bug.
import { compile } from 'vega-lite';
import type { Spec } from './theme.ts';

export function toVega(name: string, spec: Spec, opts: { strict?: boolean } = {}): object {
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => (warnings.push(a.map(String).join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => (errors.push(a.map(String).join(' ')), logger),
  };
  // the $schema URL is only a label, but a report names no address at all
  const { $schema: _schema, ...vg } = compile(spec, { logger: logger as never }).spec;
  const problems = opts.strict ? [...errors, ...warnings] : errors;
  if (problems.length > 0) throw new Error(`reports: chart ${name}: ${problems.join('; ')}`);
  return vg;
}
