import type { TopicId } from '../model';

/** The id prefix of each topic (docs/question-format.md). */
export const TOPIC_PREFIX: Record<TopicId, string> = {
  'memory-model': 'mm',
  'goroutine-leaks': 'gl',
  'gc-tuning': 'gc',
  'trace-sampling': 'ts',
  scheduler: 'sch',
  channels: 'ch',
  'escape-analysis': 'esc',
  pprof: 'pp',
  context: 'ctx',
  sync: 'sync',
  observability: 'obs',
  kubernetes: 'k8s',
};

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 80;

export function isKebab(value: string): boolean {
  return KEBAB.test(value);
}

/** "Receive from a nil Channel!" -> "receive-from-a-nil-channel"; accents are folded to ASCII. */
export function kebab(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts at a dash so ids do not end in half a word. */
function truncateKebab(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/**
 * A bank id for an imported question: the file's own id when it is usable, else one derived from
 * the title; always with the topic prefix, always unique among `taken`.
 */
export function deriveId(topic: TopicId, candidates: readonly (string | undefined)[], taken: Set<string>): string {
  const prefix = TOPIC_PREFIX[topic];
  let base = '';
  for (const candidate of candidates) {
    const slug = candidate === undefined ? '' : kebab(candidate);
    if (slug !== '') {
      base = slug;
      break;
    }
  }
  if (base === '') base = 'imported';
  if (!base.startsWith(`${prefix}-`)) base = `${prefix}-${base}`;
  base = truncateKebab(base, MAX_ID - 4);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
