import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'goprep.theme';
const listeners = new Set<() => void>();

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function savedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** The theme in effect: the one on <html> (set before paint by theme-init.js), else computed. */
export function currentTheme(): Theme {
  const attr = document.documentElement.dataset['theme'];
  return attr === 'light' || attr === 'dark' ? attr : (savedTheme() ?? systemTheme());
}

function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  listeners.forEach((notify) => notify());
}

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not persisted; still applied.
  }
  applyTheme(theme);
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  // Follow the system setting until the user picks a theme explicitly.
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => {
    if (!savedTheme()) applyTheme(systemTheme());
  };
  media.addEventListener('change', onChange);
  return () => {
    listeners.delete(notify);
    media.removeEventListener('change', onChange);
  };
}

export function useTheme(): { theme: Theme; toggleTheme: () => void } {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'light' as Theme);
  const toggleTheme = useCallback(() => setTheme(currentTheme() === 'dark' ? 'light' : 'dark'), []);
  return { theme, toggleTheme };
}

if (!document.documentElement.dataset['theme']) applyTheme(savedTheme() ?? systemTheme());
