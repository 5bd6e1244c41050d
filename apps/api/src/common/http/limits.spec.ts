import { bodyProblem, MAX_JSON_DEPTH } from './limits';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('bodyProblem', () => {
  it('should accept ordinary bodies, emoji included', () => {
    expect(bodyProblem({ response: { text: 'héllo 😀 世界', lines: [1, 2] }, flagged: true })).toBeNull();
    expect(bodyProblem(nested(MAX_JSON_DEPTH - 1))).toBeNull();
  });

  it('should refuse nesting past the limit, however deep', () => {
    expect(bodyProblem(nested(MAX_JSON_DEPTH + 1))).toBe('too-deep');
    expect(bodyProblem(nested(50_000))).toBe('too-deep');
  });

  it('should refuse NUL and lone surrogates in values and in keys', () => {
    for (const bad of ['a\u0000b', '\uD800', 'x\uDC00', 'end\uD83D']) {
      expect(bodyProblem({ text: bad })).toBe('unstorable');
      expect(bodyProblem({ [bad]: 1 })).toBe('unstorable');
      expect(bodyProblem([[bad]])).toBe('unstorable');
    }
  });
});
