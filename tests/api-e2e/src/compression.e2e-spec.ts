import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { insertTallyTask, SOLUTION, TALLY_ID } from './support/judge-fixture';
import { createTestApp, type TestApp } from './support/test-app';

interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (never decoded). */
  body: Buffer;
}

/** One request over plain node:http, which (unlike fetch and supertest) never decompresses. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(reply: RawReply): string {
  const encoding = reply.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(reply.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(reply.body).toString('utf8');
  if (encoding === undefined) return reply.body.toString('utf8');
  throw new Error(`unexpected content-encoding ${encoding}`);
}

const CHROME = 'gzip, deflate, br, zstd';
const INDEX = `<!doctype html><html lang="en"><head><title>goprep</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;
const ASSET = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))};\n`;
const ASSET_PATH = '/assets/index-Ab12Cd34.js';

/**
 * A built web app as Vite and our precompress plugin leave it: hashed assets with `.br` and `.gz`
 * siblings, index.html with its own, and a small file the build does not compress.
 */
function webDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'goprep-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  const write = (name: string, text: string, compressed: boolean) => {
    writeFileSync(join(dir, name), text);
    if (!compressed) return;
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(text));
  };
  write('index.html', INDEX, true);
  write(ASSET_PATH.slice(1), ASSET, true);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  return dir;
}

describe('compression: precompressed static files, compressed API JSON, uncompressed event streams', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = webDist();
    t = await createTestApp({ WEB_DIST_DIR: dist, JUDGE_EMBEDDED_RUNNER: 'false' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('should serve a hashed asset as its brotli file to a browser, cached for a year as immutable', async () => {
    const res = await raw(`${t.url}${ASSET_PATH}`, { 'accept-encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBeLessThan(Buffer.byteLength(ASSET) / 2);
    expect(decode(res)).toBe(ASSET);
  });

  it('should serve the gzip file to a client without brotli and the plain file to one without either', async () => {
    const gz = await raw(`${t.url}${ASSET_PATH}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode(gz)).toBe(ASSET);

    const refusesBr = await raw(`${t.url}${ASSET_PATH}`, { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refusesBr.headers['content-encoding']).toBe('gzip');

    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Array<Record<string, string>>) {
      const plain = await raw(`${t.url}${ASSET_PATH}`, headers);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/accept-encoding/i);
      expect(plain.body.toString('utf8')).toBe(ASSET);
    }
  });

  it('should answer a HEAD with the headers of the compressed file and no body', async () => {
    const res = await raw(`${t.url}${ASSET_PATH}`, { 'accept-encoding': CHROME }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBe(0);
  });

  it('should answer app routes with index.html, compressed but revalidated on every load', async () => {
    for (const path of ['/', '/practice/quiz']) {
      const res = await raw(`${t.url}${path}`, { accept: 'text/html', 'accept-encoding': CHROME });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decode(res)).toBe(INDEX);
    }
  });

  it('should serve an unhashed file outside assets/ without the immutable cache', async () => {
    const res = await raw(`${t.url}/favicon.svg`, { 'accept-encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('no-cache');
    // Below the threshold: not worth compressing on the fly either.
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('should never hand out a compressed file under its own name or a file outside the build', async () => {
    const direct = await raw(`${t.url}${ASSET_PATH}.br`, { accept: 'application/javascript' });
    expect(direct.status).toBe(404);
    expect(JSON.parse(direct.body.toString('utf8'))).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    for (const path of ['/assets/..%2f..%2f..%2fetc%2fpasswd', '/..%2fpackage.json', '/assets/%00.js']) {
      const res = await raw(`${t.url}${path}`, { accept: 'application/javascript' });
      expect(res.status).toBe(404);
      expect(res.body.toString('utf8')).not.toContain('root:');
    }
  });

  it('should compress API JSON above 1 KB as the client asks, and leave small answers alone', async () => {
    const csrf = await fetch(`${t.url}/api/auth/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = ((await csrf.json()) as { token: string }).token;
    const reg = await fetch(`${t.url}/api/auth/register`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'zip@example.test', password: 'correct horse battery', displayName: 'Zip' }),
    });
    expect(reg.status).toBe(201);
    const session = [cookie, ...reg.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');

    const path = '/api/questions?pageSize=50';
    const plain = await raw(`${t.url}${path}`, { cookie: session });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const gz = await raw(`${t.url}${path}`, { cookie: session, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);
    expect(gz.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(decode(gz))).toEqual(JSON.parse(plain.body.toString('utf8')));

    const br = await raw(`${t.url}${path}`, { cookie: session, 'accept-encoding': CHROME });
    expect(['br', 'gzip']).toContain(br.headers['content-encoding']);
    expect(JSON.parse(decode(br))).toEqual(JSON.parse(plain.body.toString('utf8')));

    const small = await raw(`${t.url}/api/health`, { 'accept-encoding': CHROME });
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();

    // Errors are JSON too, and stay readable.
    const missing = await raw(`${t.url}/api/questions/no-such-question`, { cookie: session, 'accept-encoding': CHROME });
    expect(missing.status).toBe(404);
    expect(JSON.parse(decode(missing))).toMatchObject({ code: expect.any(String) });
  });

  it('should send a run event stream uncompressed, each event as soon as it happens', async () => {
    await insertTallyTask(t);
    const csrf = await fetch(`${t.url}/api/auth/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = ((await csrf.json()) as { token: string }).token;
    const reg = await fetch(`${t.url}/api/auth/register`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'stream@example.test', password: 'correct horse battery', displayName: 'Stream' }),
    });
    expect(reg.status).toBe(201);
    const session = [cookie, ...reg.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
    const created = await fetch(`${t.url}/api/judge/runs`, {
      method: 'POST',
      headers: { cookie: session, 'x-csrf-token': token, 'content-type': 'application/json', 'accept-encoding': CHROME },
      body: JSON.stringify({ questionId: TALLY_ID, files: { 'tally.go': SOLUTION } }),
    });
    expect(created.status).toBe(201);
    const runId = ((await created.json()) as { id: string }).id;

    // The first event must arrive while the stream stays open: a compressor would hold it back.
    const first = await new Promise<{ headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = httpRequest(`${t.url}/api/judge/runs/${runId}/events`, { headers: { cookie: session, 'accept-encoding': CHROME } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes('\n\n')) {
            resolve({ headers: res.headers, text });
            req.destroy();
          }
        });
        res.on('error', reject);
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      req.setTimeout(10_000, () => reject(new Error('no event within 10 s: the stream is buffered')));
      req.end();
    });
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.text).toMatch(/^event: run\ndata: \{.*"id":"[^"]+".*\}\n\n/s);
    await t.sql('SELECT graphile_worker.remove_job($1)', [runId]);
  });
});
