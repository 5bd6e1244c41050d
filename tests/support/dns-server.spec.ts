import { Resolver } from 'node:dns/promises';
import { answer, buildQuery, buildResponse, CLASS_IN, DnsFormatError, parseQuery, parseResponse, readName, startDnsServer, TxtTable, TYPE_TXT } from './dns-server';

const TYPE_A = 1;
const TYPE_AAAA = 28;

describe('the test DNS server wire format', () => {
  const table = new TxtTable();
  table.set('_goprep-challenge.Example.TEST', ['goprep-verification=abc', 'v=spf1 -all']);
  table.set('long.example.test', ['x'.repeat(300)]);

  it('should read back the question of a query it built', () => {
    const q = parseQuery(buildQuery(0xbeef, 'a.b.example.test', TYPE_TXT));
    expect(q).toEqual({ id: 0xbeef, opcode: 0, recursionDesired: true, question: { name: 'a.b.example.test', type: TYPE_TXT, class: CLASS_IN } });
  });

  it('should answer a TXT question with every record, the id echoed, authoritative, the name by pointer', () => {
    const reply = answer(buildQuery(7, '_goprep-challenge.example.test', TYPE_TXT), table.source)!;
    const m = parseResponse(reply);
    expect(m).toMatchObject({ id: 7, response: true, authoritative: true, truncated: false, rcode: 0 });
    expect(m.questions).toEqual([{ name: '_goprep-challenge.example.test', type: TYPE_TXT, class: CLASS_IN }]);
    expect(m.answers.map((a) => [a.name, a.type, a.class, a.ttl, a.strings])).toEqual([
      ['_goprep-challenge.example.test', TYPE_TXT, CLASS_IN, 60, ['goprep-verification=abc']],
      ['_goprep-challenge.example.test', TYPE_TXT, CLASS_IN, 60, ['v=spf1 -all']],
    ]);
    // The answer's owner name is a two-byte pointer to offset 12 (the question's name).
    const firstAnswer = 12 + '_goprep-challenge.example.test'.length + 2 + 4;
    expect(reply.readUInt16BE(firstAnswer)).toBe(0xc00c);
  });

  it('should split a value longer than 255 bytes into character-strings of at most 255', () => {
    const m = parseResponse(answer(buildQuery(1, 'long.example.test', TYPE_TXT), table.source)!);
    expect(m.answers[0]!.strings.map((s) => s.length)).toEqual([255, 45]);
    expect(m.answers[0]!.strings.join('')).toBe('x'.repeat(300));
  });

  it('should say NXDOMAIN for an unknown name and NODATA for another type at a known one', () => {
    const nx = parseResponse(answer(buildQuery(2, 'nothing.example.test', TYPE_TXT), table.source)!);
    expect(nx.rcode).toBe(3);
    expect(nx.answers).toEqual([]);
    const nodata = parseResponse(answer(buildQuery(3, 'long.example.test', TYPE_AAAA), table.source)!);
    expect(nodata.rcode).toBe(0);
    expect(nodata.answers).toEqual([]);
  });

  it('should answer FORMERR to a message it cannot parse and NOTIMP to an opcode other than QUERY', () => {
    const garbage = Buffer.from([0x12, 0x34, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x3f]);
    const formerr = parseResponse(answer(garbage, table.source)!);
    expect(formerr).toMatchObject({ id: 0x1234, response: true, rcode: 1 });
    const status = buildQuery(9, 'long.example.test', TYPE_TXT);
    status.writeUInt16BE(2 << 11, 2); // opcode STATUS
    expect(parseResponse(answer(status, table.source)!).rcode).toBe(4);
    expect(() => parseQuery(buildResponse(parseQuery(buildQuery(1, 'a.test', TYPE_TXT)), 0))).toThrow('a response, not a query');
  });

  it('should follow compression pointers and refuse a pointer loop', () => {
    // "example.test" at 12, then "www" + pointer to 12 at 26.
    const buf = Buffer.concat([Buffer.alloc(12), Buffer.from('\x07example\x04test\x00', 'latin1'), Buffer.from('\x03www\xc0\x0c', 'latin1')]);
    expect(readName(buf, 26)).toEqual({ name: 'www.example.test', next: 32 });
    const loop = Buffer.concat([Buffer.alloc(12), Buffer.from([0xc0, 12])]);
    expect(() => readName(loop, 12)).toThrow(DnsFormatError);
  });

  it("should serve node's own resolver (c-ares) over UDP on a free port", async () => {
    const server = await startDnsServer(table.source);
    try {
      const resolver = new Resolver({ timeout: 2000, tries: 1 });
      resolver.setServers([server.address]);
      expect(await resolver.resolveTxt('_goprep-challenge.example.test')).toEqual([['goprep-verification=abc'], ['v=spf1 -all']]);
      expect((await resolver.resolveTxt('long.example.test'))[0]!.join('')).toBe('x'.repeat(300));
      await expect(resolver.resolveTxt('missing.example.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
      await expect(resolver.resolve4('long.example.test')).rejects.toMatchObject({ code: 'ENODATA' });
      expect(server.queries).toContain('_goprep-challenge.example.test TXT');
      expect(server.queries).toContain(`long.example.test ${TYPE_A}`);
    } finally {
      await server.stop();
    }
  });
});
