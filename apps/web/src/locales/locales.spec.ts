import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = __dirname;

type Tree = { [key: string]: string | Tree };

function read(path: string): Tree {
  return JSON.parse(readFileSync(path, 'utf8')) as Tree;
}

/** Every language's messages: the base file plus one file per namespace in `<lang>/`. */
function messages(lang: string): Tree {
  const tree = read(join(dir, `${lang}.json`));
  for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    if (ns in tree) throw new Error(`${lang}/${file} redefines the namespace "${ns}" of ${lang}.json`);
    tree[ns] = read(join(dir, lang, file));
  }
  return tree;
}

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

describe('locales', () => {
  const en = messages('en');
  const zh = messages('zh-CN');

  // Plural forms differ by language (Chinese has only `_other`), so compare the base keys.
  const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

  it('zh-CN has every English key and no key English lacks', () => {
    const enKeys = [...new Set(keys(en).map(base))];
    const zhKeys = new Set(keys(zh).map(base));
    expect(enKeys.filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('no message is empty', () => {
    const empty = (tree: Tree): string[] =>
      keys(tree).filter((k) => k.split('.').reduce<string | Tree>((t, part) => (t as Tree)[part]!, tree) === '');
    expect(empty(en)).toEqual([]);
    expect(empty(zh)).toEqual([]);
  });

  it('should call drills 复习 throughout the Chinese drills screen, never 练习 (practice) for the same thing', () => {
    const drills = zh['drills'] as Tree;
    const value = (k: string): string => k.split('.').reduce<string | Tree>((t, part) => (t as Tree)[part]!, drills) as string;
    expect(keys(drills).filter((k) => value(k).includes('练习'))).toEqual([]);
  });

  it('should not write "(s)" plurals in English: they have _one and _other forms', () => {
    const value = (k: string): string => k.split('.').reduce<string | Tree>((t, part) => (t as Tree)[part]!, en) as string;
    expect(keys(en).filter((k) => /\w\(s\)/.test(value(k)))).toEqual([]);
  });
});
