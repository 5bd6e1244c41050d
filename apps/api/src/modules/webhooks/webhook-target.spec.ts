import { isInternalAddress, parseWebhookUrl, resolveWebhookTarget, WebhookTargetError } from './webhook-target';

describe('isInternalAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '::',
    '::1',
    'fd00::1',
    'fc12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '64:ff9b::192.168.0.1',
    '::7f00:1',
    '::127.0.0.1',
  ])('should refuse %s', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:80b::200e'])(
    'should allow the public address %s',
    (address) => {
      expect(isInternalAddress(address)).toBe(false);
    },
  );

  it('should refuse what is not an address at all', () => {
    expect(isInternalAddress('example.com')).toBe(true);
  });
});

describe('parseWebhookUrl', () => {
  it.each([
    ['ftp://example.com/x', 'http:// or https://'],
    ['https://user:pw@example.com/hook', 'user name or password'],
    ['https://example.com/hook#frag', 'fragment'],
    ['not a url', 'not a valid absolute URL'],
  ])('should refuse %s', (raw, why) => {
    expect(() => parseWebhookUrl(raw)).toThrow(why);
  });

  it('should read a decimal IPv4 host the way a client would (as 127.0.0.1)', () => {
    expect(parseWebhookUrl('http://2130706433:8080/').hostname).toBe('127.0.0.1');
  });
});

describe('resolveWebhookTarget', () => {
  const refused = async (raw: string) => {
    const error = await resolveWebhookTarget(raw, false).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookTargetError);
    return (error as WebhookTargetError).problem;
  };

  it.each(['http://127.0.0.1:9/', 'http://10.0.0.8/hook', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/', 'http://localhost:3000/', 'http://2130706433/'])(
    'should refuse %s without private targets allowed',
    async (raw) => {
      expect(await refused(raw)).toBe('internal-address');
    },
  );

  it('should accept a loopback target when private targets are allowed, and pin the checked address', async () => {
    const target = await resolveWebhookTarget('http://[::1]:8080/hook', true);
    expect(target).toMatchObject({ host: '::1', address: '::1', family: 6 });
  });

  it('should accept a public address literal', async () => {
    const target = await resolveWebhookTarget('https://93.184.216.34/hook', false);
    expect(target.address).toBe('93.184.216.34');
  });

  it('should report a host that does not resolve', async () => {
    expect(await refused('https://no-such-host.invalid/hook')).toBe('unresolvable');
  });
});
