import { untranslatedFragment } from './check-translation';

describe('untranslatedFragment', () => {
  const english = 'vet reports it ("the cancel function is\nnot used on all paths (possible context leak)") on line 20.';

  it('should leave a tool message quoted in Chinese quotes alone when the English quotes the same words', () => {
    expect(untranslatedFragment('vet 在第 20 行报告（“the cancel function is not used on all paths (possible context leak)”）。', english)).toBeUndefined();
  });

  it('should flag English prose in Chinese quotes that the English does not contain', () => {
    expect(untranslatedFragment('vet 报告（“the function is never called on some of the paths here”）。', english)).toBe(
      'the function is never called on some of the paths here',
    );
  });

  it('should flag an English sentence left outside any quotes', () => {
    expect(untranslatedFragment('说明：the cancel function is not used on all paths here。', english)).toBe('the cancel function is not used on all paths here');
  });
});
