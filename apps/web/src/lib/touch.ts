import { useSyncExternalStore } from 'react';

/**
 * A phone or tablet: a coarse pointer (touch) or a narrow screen. Keyboard hints ("press 1–4",
 * "Ctrl+Enter") are left out there, where there is usually no keyboard to press them on.
 */
export const TOUCH_QUERY = '(pointer: coarse), (max-width: 600px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(TOUCH_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function useTouchScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(TOUCH_QUERY).matches,
    () => false,
  );
}
