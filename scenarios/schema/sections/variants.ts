// `variants`: named sets of overrides for comparisons, `{name: {path.to.field: value}}`. A variant
// named `baseline` always exists (the scenario as written, unless the file overrides it). Each path and
// value is checked against the schema by the loader (../overrides.ts), since a path is only known
// once the whole scenario schema is.
import { z } from 'zod';

export const VARIANT_NAME = /^[A-Za-z0-9][\w-]*$/;

export const VariantsSchema = z
  .record(
    z.string().regex(VARIANT_NAME, { error: 'a variant name of letters, digits, - and _' }),
    z
      .record(z.string({ error: 'a dotted field path' }), z.unknown(), { error: 'a mapping of path.to.field: value' })
      .describe('overrides: dotted field path (e.g. strategy.preset, audience.size, network.mix[0].share) → value'),
    { error: 'a mapping of variant name: overrides' },
  )
  .describe('named overrides for comparisons; `baseline` is implicit (the scenario as written)');

export type Variants = z.output<typeof VariantsSchema>;
