/**
 * A small HTML-to-Markdown conversion for question texts from Moodle, which are HTML by default.
 * goprep renders Markdown and does not trust raw HTML, so the common tags are translated and the
 * rest are dropped, keeping their text.
 */
export function htmlToMarkdown(html: string): string {
  let text = html.replace(/\r\n?/g, '\n');
  text = text.replace(/<pre[^>]*>\s*(?:<code[^>]*>)?([\s\S]*?)(?:<\/code>\s*)?<\/pre>/gi, (_m, code: string) => {
    const body = decodeEntities(code.replace(/<[^>]+>/g, '')).replace(/^\n+|\n+$/g, '');
    return `\n\n\`\`\`\n${body}\n\`\`\`\n\n`;
  });
  text = text.replace(/<code[^>]*>([\s\S]*?)<\/code>/gi, (_m, code: string) => `\`${code.replace(/<[^>]+>/g, '')}\``);
  text = text.replace(/<br\s*\/?>/gi, '\n');
  text = text.replace(/<\/(p|div|ul|ol|h[1-6])>/gi, '\n\n');
  text = text.replace(/<li[^>]*>/gi, '\n- ').replace(/<\/li>/gi, '');
  text = text.replace(/<(strong|b)(\s[^>]*)?>([\s\S]*?)<\/\1>/gi, (_m, _t, _a, inner: string) => `**${inner}**`);
  text = text.replace(/<(em|i)(\s[^>]*)?>([\s\S]*?)<\/\1>/gi, (_m, _t, _a, inner: string) => `*${inner}*`);
  text = text.replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, inner: string) => `[${inner}](${href})`);
  text = text.replace(/<[^>]+>/g, '');
  text = decodeEntities(text);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
