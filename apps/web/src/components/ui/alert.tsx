import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info';

/**
 * A message region. The live region is always rendered (possibly empty) so screen readers
 * announce messages that appear later, e.g. a form error after submit.
 */
export function Alert({ tone = 'error', children }: { tone?: Tone; children?: ReactNode }) {
  return (
    <div
      className={children ? `alert alert--${tone}` : 'alert--empty'}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
    >
      {children}
    </div>
  );
}
