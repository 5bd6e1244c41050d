import i18next from 'i18next';
import en from '../locales/en.json';
import zh from '../locales/zh-CN.json';
import { attemptTitle } from './attempt-title';

describe('attemptTitle', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, interpolation: { escapeValue: false } });
  });

  it('should name the topics of a quick quiz in the reader\'s language, not by id', async () => {
    const attempt = { title: 'Quick quiz: memory-model, goroutine-leaks', titleFacts: { kind: 'quick' as const, topics: ['memory-model', 'goroutine-leaks'] } };
    await i18n.changeLanguage('en');
    expect(attemptTitle(i18n.t, attempt)).toBe(`Quick quiz: ${String(en.topics['memory-model'])}, ${String(en.topics['goroutine-leaks'])}`);
    await i18n.changeLanguage('zh-CN');
    const zhTitle = attemptTitle(i18n.t, attempt);
    expect(zhTitle).toContain(String(zh.topics['memory-model']));
    expect(zhTitle).not.toMatch(/memory-model|Quick quiz/);
  });

  it('should name the role and level of a mock interview', async () => {
    await i18n.changeLanguage('zh-CN');
    const title = attemptTitle(i18n.t, { title: 'Mock interview: SRE (senior)', titleFacts: { kind: 'mock', template: 'sre', level: 'senior' } });
    expect(title).toContain(zh.quiz.templates.sre);
    expect(title).toContain(zh.quiz.levels.senior);
  });

  it('should keep a set title and fall back to the stored title without facts', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(attemptTitle(i18n.t, { title: 'Backend screen', titleFacts: { kind: 'set', setTitle: 'Backend screen' } })).toBe('Backend screen');
    expect(attemptTitle(i18n.t, { title: 'Quick quiz: channels', titleFacts: { kind: 'quick' } })).toBe('Quick quiz: channels');
  });
});
