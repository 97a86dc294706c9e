// The LiveLab version, read once from package.json (it goes into every result and report).
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const LIVELAB_VERSION: string = pkg.version;
