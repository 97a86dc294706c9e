// The browser viewer page: web/index.html, web/viewer.ts bundled by esbuild on first request (kept in
// memory), and simple-peer's own browser build. esbuild is a development dependency: without it the page
// answers 503 and everything else keeps working.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface WebAsset {
  status: number;
  type: string;
  body: string | Buffer;
}

export class WebAssets {
  private bundle: Promise<WebAsset> | null = null;

  constructor(private readonly webDir: string) {}

  async get(path: string): Promise<WebAsset | null> {
    switch (path) {
      case '/':
      case '/index.html':
        return { status: 200, type: 'text/html; charset=utf-8', body: await readFile(join(this.webDir, 'index.html')) };
      case '/viewer.js':
        return (this.bundle ??= this.build());
      case '/simplepeer.min.js': {
        const file = createRequire(import.meta.url).resolve('simple-peer/simplepeer.min.js');
        return { status: 200, type: 'text/javascript; charset=utf-8', body: await readFile(file) };
      }
      default:
        return null;
    }
  }

  private async build(): Promise<WebAsset> {
    try {
      const esbuild = await import('esbuild');
      const r = await esbuild.build({
        entryPoints: [join(this.webDir, 'viewer.ts')],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        write: false,
        sourcemap: 'inline',
        logLevel: 'silent',
      });
      return { status: 200, type: 'text/javascript; charset=utf-8', body: Buffer.from(r.outputFiles[0]!.contents) };
    } catch (e) {
      this.bundle = null;
      return { status: 503, type: 'text/plain; charset=utf-8', body: `viewer bundle unavailable: ${(e as Error).message}\n` };
    }
  }
}
