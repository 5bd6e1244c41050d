/** The prompt Markdown subset lives in @goprep/domain (the server renders it too, for the Anki export). */
export { parseInline, parseMarkdown, safeHref, type Block, type Inline } from '@goprep/domain';
