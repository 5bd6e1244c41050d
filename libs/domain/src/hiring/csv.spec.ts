import fc from 'fast-check';
import { csvField, isValidEmail, parseInviteList, toCsv } from './csv';

describe('csvField', () => {
  it('should write plain text, numbers and booleans as they are', () => {
    expect(csvField('Ada Lovelace')).toBe('Ada Lovelace');
    expect(csvField(42)).toBe('42');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(true)).toBe('true');
  });

  it('should write null, undefined and non-finite numbers as an empty field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('should quote fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('should quote fields with leading or trailing spaces so they survive', () => {
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['  =1+1', "'  =1+1"],
  ])('should neutralise the formula %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('should leave a plain negative number written as text alone', () => {
    expect(csvField('-12')).toBe('-12');
    expect(csvField('-0.5')).toBe('-0.5');
  });

  it('should never let a text field start with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = csvField(text);
        const unquoted = out.startsWith('"') ? out.slice(1) : out;
        const first = unquoted.replace(/^ +/, '').charAt(0);
        if (['=', '+', '@', '\t', '\r'].includes(first)) return false;
        return first !== '-' || /^-?\d+(\.\d+)?$/.test(text);
      }),
    );
  });
});

describe('toCsv', () => {
  it('should write a header and rows with CRLF line ends and a final CRLF', () => {
    expect(toCsv(['name', 'score'], [['Ada', 9], ['Bob, Jr.', null]])).toBe('name,score\r\nAda,9\r\n"Bob, Jr.",\r\n');
  });

  it('should start with a byte order mark only when asked', () => {
    expect(toCsv(['姓名'], [['张三']], { bom: true })).toBe('\uFEFF姓名\r\n张三\r\n');
    expect(toCsv(['a'], [])).toBe('a\r\n');
  });

  it('should refuse a row narrower or wider than the header', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(/row 1 has 1 fields/);
  });

  it('should round-trip any text through the invite parser tokenizer (quoted fields survive)', () => {
    // A CSV written with a header is read back field for field (formula-safe values are prefixed).
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => !/^[\s=+\-@]/.test(s) && s.trim() === s && !s.includes('\u0000')), (name) => {
        const csv = toCsv(['name', 'email'], [[name, 'ada@example.com']]);
        const result = parseInviteList(csv);
        if (name.replace(/\s+/g, ' ').trim().length > 200) return;
        expect(result.errors).toEqual([]);
        // eslint-disable-next-line no-control-regex
        expect(result.invitees[0]?.name).toBe(name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim());
      }),
    );
  });
});

describe('isValidEmail', () => {
  it.each(['ada@example.com', 'a.b+tag@sub.example.co.uk', "o'brien@example.ie", 'x@xn--fiqs8s.xn--fiqz9s', 'UPPER@EXAMPLE.COM'])('should accept %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    '',
    'plain',
    '@example.com',
    'ada@',
    'ada@localhost',
    'ada@example.c',
    'ada@@example.com',
    'ada lovelace@example.com',
    '.ada@example.com',
    'ada.@example.com',
    'a..da@example.com',
    'ada@-example.com',
    'ada@example..com',
    'ada@example.123',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(250)}.com`,
    '"quoted"@example.com',
  ])('should reject %j', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});

describe('parseInviteList: pasted lines', () => {
  it('should read "name, email" lines with their line numbers', () => {
    const result = parseInviteList('Ada Lovelace, ada@example.com\nAlan Turing, alan@example.com\n');
    expect(result.errors).toEqual([]);
    expect(result.invitees).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com', line: 1 },
      { name: 'Alan Turing', email: 'alan@example.com', line: 2 },
    ]);
  });

  it('should accept "email, name", an email alone, and "Name <email>"', () => {
    const result = parseInviteList('grace@example.com, Grace Hopper\nlinus@example.com\n"Hopper, Grace" <g2@example.com>\nKen <ken@example.com>');
    expect(result.errors).toEqual([]);
    expect(result.invitees.map((i) => [i.name, i.email])).toEqual([
      ['Grace Hopper', 'grace@example.com'],
      ['', 'linus@example.com'],
      ['Hopper, Grace', 'g2@example.com'],
      ['Ken', 'ken@example.com'],
    ]);
  });

  it('should keep an unquoted "Last, First" name together', () => {
    expect(parseInviteList('Lovelace, Ada, ada@example.com').invitees).toEqual([{ name: 'Lovelace, Ada', email: 'ada@example.com', line: 1 }]);
  });

  it('should read tab-separated lines pasted from a spreadsheet and semicolon-separated ones', () => {
    expect(parseInviteList('Ada\tada@example.com\nBob\tbob@example.com').invitees.map((i) => i.email)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(parseInviteList('Ada;ada@example.com').invitees).toEqual([{ name: 'Ada', email: 'ada@example.com', line: 1 }]);
    // A comma on the first line wins over a tab inside a name.
    expect(parseInviteList('Ada\tLovelace, ada@example.com').invitees).toEqual([{ name: 'Ada Lovelace', email: 'ada@example.com', line: 1 }]);
  });

  it('should skip blank lines but keep counting them', () => {
    const result = parseInviteList('\n\nAda, ada@example.com\n   \n\nBob, bob@example.com\n\n');
    expect(result.invitees.map((i) => i.line)).toEqual([3, 6]);
  });

  it('should trim, collapse whitespace and strip control characters in names, and strip mailto: and angle brackets', () => {
    const result = parseInviteList('  Ada \t  Lovelace\u0007 ,  mailto:ada@example.com \nBob, <bob@example.com>');
    expect(result.invitees.map((i) => [i.name, i.email])).toEqual([
      ['Ada Lovelace', 'ada@example.com'],
      ['Bob', 'bob@example.com'],
    ]);
  });

  it('should report each bad line with its number and still return the good ones', () => {
    const text = ['Ada, ada@example.com', 'Nobody', 'Bad, not-an-email@', 'Two, a@example.com, b@example.com', 'Bob, bob@example.com'].join('\n');
    const result = parseInviteList(text);
    expect(result.invitees.map((i) => i.line)).toEqual([1, 5]);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'missing-email'],
      [3, 'invalid-email'],
      [4, 'too-many-fields'],
    ]);
    expect(result.errors[1]?.message).toContain('not-an-email@');
  });

  it('should report a repeated email (ignoring case) as a duplicate of the first line', () => {
    const result = parseInviteList('Ada, ada@example.com\nAda again, ADA@Example.com');
    expect(result.invitees).toHaveLength(1);
    expect(result.errors).toEqual([{ line: 2, code: 'duplicate', message: 'ADA@Example.com is already on line 1' }]);
  });

  it('should refuse a name longer than 200 characters', () => {
    const result = parseInviteList(`${'x'.repeat(201)}, ada@example.com\n${'y'.repeat(200)}, bob@example.com`);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([[1, 'name-too-long']]);
    expect(result.invitees.map((i) => i.email)).toEqual(['bob@example.com']);
  });

  it('should stop at the row limit with one error on the first line over it', () => {
    const lines = Array.from({ length: 5 }, (_, i) => `P${i}, p${i}@example.com`).join('\n');
    const result = parseInviteList(lines, { maxRows: 3 });
    expect(result.invitees.map((i) => i.line)).toEqual([1, 2, 3]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 4, code: 'too-many-rows' });
  });

  it('should allow 500 rows by default', () => {
    const lines = (n: number): string => Array.from({ length: n }, (_, i) => `p${i}@example.com`).join('\n');
    expect(parseInviteList(lines(500)).errors).toEqual([]);
    expect(parseInviteList(lines(501)).errors.map((e) => e.code)).toEqual(['too-many-rows']);
  });

  it('should return nothing for empty input', () => {
    expect(parseInviteList('')).toEqual({ invitees: [], errors: [] });
    expect(parseInviteList('\uFEFF\r\n\r\n')).toEqual({ invitees: [], errors: [] });
  });
});

describe('parseInviteList: CSV files', () => {
  it('should use the header to find the columns, whatever their order, with a BOM and CRLF', () => {
    const csv = '\uFEFFEmail,Full Name,Team\r\nada@example.com,Ada Lovelace,R&D\r\nbob@example.com,"Smith, Bob",Ops\r\n';
    const result = parseInviteList(csv);
    expect(result.errors).toEqual([]);
    expect(result.invitees).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com', line: 2 },
      { name: 'Smith, Bob', email: 'bob@example.com', line: 3 },
    ]);
  });

  it('should join first and last name columns', () => {
    expect(parseInviteList('first_name,last_name,e-mail\nAda,Lovelace,ada@example.com').invitees).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com', line: 2 },
    ]);
  });

  it('should read Chinese headers', () => {
    expect(parseInviteList('姓名,邮箱\n张三,zhang.san@example.cn').invitees).toEqual([{ name: '张三', email: 'zhang.san@example.cn', line: 2 }]);
  });

  it('should read quoted fields with doubled quotes and line breaks, numbering lines by where a row starts', () => {
    const csv = 'name,email\n"Ada ""Countess"" Lovelace",ada@example.com\n"Multi\nLine",multi@example.com\nBob,bob@example.com\n';
    const result = parseInviteList(csv);
    expect(result.errors).toEqual([]);
    expect(result.invitees).toEqual([
      { name: 'Ada "Countess" Lovelace', email: 'ada@example.com', line: 2 },
      { name: 'Multi Line', email: 'multi@example.com', line: 3 },
      { name: 'Bob', email: 'bob@example.com', line: 5 },
    ]);
  });

  it('should report an empty email cell under the header', () => {
    expect(parseInviteList('name,email\nAda,\nBob,bob@example.com').errors).toEqual([{ line: 2, code: 'missing-email', message: 'the email column is empty' }]);
  });

  it('should report a quote that never closes, keeping the rows before it', () => {
    const result = parseInviteList('name,email\nAda,ada@example.com\n"Bob,bob@example.com\nCy,cy@example.com');
    expect(result.invitees.map((i) => i.email)).toEqual(['ada@example.com']);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, code: 'bad-quoting' })]);
  });

  it('should handle lone CR line ends (old Mac exports)', () => {
    expect(parseInviteList('name,email\rAda,ada@example.com\rBob,bob@example.com').invitees.map((i) => i.line)).toEqual([2, 3]);
  });

  it('should not count the header against the row limit', () => {
    const csv = ['name,email', 'A,a@example.com', 'B,b@example.com'].join('\n');
    expect(parseInviteList(csv, { maxRows: 2 }).errors).toEqual([]);
  });
});
