/** URL of an up-to-date cached bundle of `entry` (relative to `root`, by default the project root), or null. */
export function cliBundle(entry: string, root?: string): Promise<URL | null>;
