import { checkWebhookForm } from './webhook-form';

describe('checkWebhookForm', () => {
  const ok = { url: 'https://ats.example.com/hooks', description: '', events: ['attempt.submitted'] };

  it('should accept an https URL with an event', () => {
    expect(checkWebhookForm(ok)).toEqual([]);
  });

  it.each([
    ['', 'url-required'],
    ['not a url', 'url-invalid'],
    ['ftp://example.com/x', 'url-scheme'],
    ['https://user:pw@example.com/x', 'url-credentials'],
    ['https://example.com/x#part', 'url-fragment'],
    [`https://example.com/${'a'.repeat(2048)}`, 'url-too-long'],
  ])('should flag %s as %s', (url, problem) => {
    expect(checkWebhookForm({ ...ok, url })).toEqual([problem]);
  });

  it('should ask for at least one event and a short description', () => {
    expect(checkWebhookForm({ ...ok, events: [], description: 'x'.repeat(201) })).toEqual(['description-too-long', 'events-required']);
  });
});
