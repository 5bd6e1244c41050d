import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Responses smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * On-the-fly gzip/brotli for dynamic responses (API JSON, the metrics text) above the threshold,
 * negotiated from Accept-Encoding. Never for Server-Sent Events: a compressor buffers its output,
 * which would hold back each event until the buffer fills.
 */
export function dynamicCompression(): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: (req, res) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  });
}

/** What the build writes next to each compressible file, in the order we prefer them. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * The encoding to send among `available` (in our order of preference) for an Accept-Encoding
 * header: the highest q-value wins, ties go to our order; null means send the file as it is.
 * Browsers list gzip before br with equal weight, so the header's order is not a preference.
 */
export function chooseEncoding(header: string | undefined, available: readonly string[]): string | null {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: string | null = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Vite names the files under assets/ by their content hash: they never change under one name. */
export function cacheControlFor(dir: string, file: string): string {
  return file.startsWith(join(resolve(dir), 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The file under `dir` that a URL path names, or null when it leaves `dir` or is not a file. */
function resolveInside(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(dir, decoded));
  if (!file.startsWith(dir + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Sends `file` from the built web app, as its precompressed `.br` or `.gz` sibling when the client
 * accepts that encoding and the build wrote one; otherwise as it is (the dynamic compressor then
 * decides). Content-Type always names the original file's type.
 */
export function sendWebFile(dir: string, file: string, req: Request, res: Response, next: NextFunction): void {
  const variants = PRECOMPRESSED.filter((v) => existsSync(file + v.suffix));
  res.setHeader('Cache-Control', cacheControlFor(dir, file));
  res.type(extname(file));
  let sent = file;
  if (variants.length > 0) {
    res.vary('Accept-Encoding');
    const accepted = chooseEncoding(req.headers['accept-encoding'], variants.map((v) => v.encoding));
    const chosen = variants.find((v) => v.encoding === accepted);
    if (chosen) {
      res.setHeader('Content-Encoding', chosen.encoding);
      sent = file + chosen.suffix;
    }
  }
  res.sendFile(sent, { dotfiles: 'deny', lastModified: true, etag: true }, (err?: Error) => {
    if (err && !res.headersSent) next(err);
  });
}

/**
 * Static files of the built SPA, preferring the precompressed variants. Requests for the `.br` and
 * `.gz` files themselves are not served (they would go out without their Content-Encoding).
 */
export function precompressedStatic(dir: string): RequestHandler {
  const root = resolve(dir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/api/') || req.path === '/metrics') return next();
    if (PRECOMPRESSED.some((v) => req.path.endsWith(v.suffix))) return next();
    const file = resolveInside(root, req.path);
    if (!file || file === join(root, 'index.html')) return next();
    sendWebFile(root, file, req, res, next);
  };
}
