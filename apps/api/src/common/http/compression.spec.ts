import { cacheControlFor, chooseEncoding } from './compression';

describe('chooseEncoding', () => {
  const both = ['br', 'gzip'];

  it('should prefer brotli when the client weighs both the same, whatever its order', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('br, gzip', both)).toBe('br');
  });

  it('should follow the q-values the client gives', () => {
    expect(chooseEncoding('br;q=0.5, gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.1', both)).toBe('gzip');
    expect(chooseEncoding('*;q=0.3, gzip;q=0', both)).toBe('br');
  });

  it('should send the file as it is when nothing offered is accepted', () => {
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding('', both)).toBeNull();
    expect(chooseEncoding('identity', both)).toBeNull();
    expect(chooseEncoding('deflate', both)).toBeNull();
    expect(chooseEncoding('br;q=0, gzip;q=0', both)).toBeNull();
    expect(chooseEncoding('gzip', ['br'])).toBeNull();
  });
});

describe('cacheControlFor', () => {
  it('should cache hashed assets for a year and revalidate everything else', () => {
    expect(cacheControlFor('/srv/web/', '/srv/web/assets/index-Ab12.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/web', '/srv/web/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/web', '/srv/web/assets-not/x.js')).toBe('no-cache');
  });
});
