import { parseFrontMatter, splitFrontMatter, type SplitFile } from './front-matter';

const file = ['---', 'id: ch-x', 'options:', '  - id: a', '    correct: true', '  - id: b', '    text: B', '---', 'Prompt', ''].join('\n');

const split = (text: string): SplitFile => {
  const result = splitFrontMatter(text);
  if ('error' in result) throw new Error(result.error);
  return result;
};

describe('splitFrontMatter', () => {
  it('should split the YAML block from the body and keep file line numbers', () => {
    const result = split(file);
    expect(result.yamlStartLine).toBe(2);
    expect(result.bodyStartLine).toBe(9);
    expect(result.body.split('\n')[0]).toBe('Prompt');
  });

  it('should report a file without an opening fence at line 1', () => {
    expect(splitFrontMatter('id: x\n')).toEqual({ error: 'file must start with a `---` front matter fence', line: 1 });
  });

  it('should report an unclosed front matter', () => {
    expect(splitFrontMatter('---\nid: x\n')).toMatchObject({ error: 'front matter is not closed by a `---` line' });
  });

  it('should accept Windows line endings', () => {
    expect(split(file.replace(/\n/g, '\r\n')).yaml).toContain('id: ch-x');
  });
});

describe('parseFrontMatter', () => {
  it('should give the file line of a nested key and of a list item', () => {
    const parsed = parseFrontMatter(split(file));
    expect(parsed.lineOf(['id'])).toBe(2);
    expect(parsed.lineOf(['options', 0, 'correct'])).toBe(5);
    expect(parsed.lineOf(['options', 1])).toBe(6);
  });

  it('should fall back to the nearest existing ancestor for a missing key', () => {
    const parsed = parseFrontMatter(split(file));
    expect(parsed.lineOf(['options', 1, 'correct'])).toBe(6);
    expect(parsed.lineOf(['verify', 0])).toBe(2);
  });

  it('should report a YAML syntax error with its file line', () => {
    const parsed = parseFrontMatter(split('---\nid: x\ntitle: "unclosed\n---\n'));
    expect(parsed.data).toBeUndefined();
    expect(parsed.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(parsed.errors[0]?.message).toMatch(/^YAML: /);
  });

  it('should report a duplicate key', () => {
    const parsed = parseFrontMatter(split('---\nid: x\nid: y\n---\n'));
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/unique/i) })]);
  });
});
