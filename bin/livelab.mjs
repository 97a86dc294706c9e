#!/usr/bin/env node
// Entry point of the `livelab` command: runs the CLI from a cached one-file bundle of its sources
// (bin/cli-bundle.mjs), or loads the TypeScript sources through tsx when no bundle can be had.
import { cliBundle } from './cli-bundle.mjs';

const bundle = await cliBundle('runner/cli.ts');
let main;
if (bundle) ({ main } = await import(bundle.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../runner/cli.ts'));
}
process.exitCode = await main(process.argv);
