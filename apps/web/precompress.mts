import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; images and fonts in our build are already compressed. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest|ttf)$/;
/** Below this a compressed copy saves less than a packet; the API sends such files as they are. */
const MIN_BYTES = 1024;

/** Files above this get brotli quality 10 instead of 11, to keep the build time reasonable. */
const LARGE_BYTES = 256 * 1024;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) next to one file; returns its sizes. */
export async function precompressFile(path: string): Promise<{ raw: number; br: number; gz: number }> {
  const body = await readFile(path);
  const [br, gzipped] = await Promise.all([
    brotli(body, {
      params: {
        // Quality 11 costs ~40 s on the Monaco chunk for 2% fewer bytes than 10 (~13 s).
        [constants.BROTLI_PARAM_QUALITY]: body.length > LARGE_BYTES ? 10 : constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gz(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
  return { raw: body.length, br: br.length, gz: gzipped.length };
}

/** Every compressible file of at least MIN_BYTES under `dir`, precompressed in place. */
export async function precompressDir(dir: string): Promise<{ files: number; raw: number; br: number; gz: number }> {
  const total = { files: 0, raw: 0, br: 0, gz: 0 };
  const pending: Promise<void>[] = [];
  for await (const path of files(dir)) {
    if (!COMPRESSIBLE.test(path) || (await stat(path)).size < MIN_BYTES) continue;
    pending.push(
      precompressFile(path).then((sizes) => {
        total.files += 1;
        total.raw += sizes.raw;
        total.br += sizes.br;
        total.gz += sizes.gz;
      }),
    );
  }
  await Promise.all(pending);
  return total;
}

/**
 * Vite build plugin: after the bundle is written, store brotli and gzip copies beside each asset so
 * the API serves them with a Content-Encoding instead of compressing on every request.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'goprep-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const started = Date.now();
      const total = await precompressDir(outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      this.info?.(
        `precompressed ${total.files} files in ${Date.now() - started} ms: ${kb(total.raw)} raw, ${kb(total.gz)} gzip, ${kb(total.br)} brotli`,
      );
    },
  };
}
