import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** How long a lazily loaded screen may take to render its heading. */
const HEADING_WAIT_MS = 3000;

/**
 * A new screen starts at its top with the focus on its heading, as a new page would: without it the
 * browser keeps the previous screen's scroll position (a quiz started from the bottom of its form
 * opened halfway down the runner on a phone) and focus stays on a button that no longer exists.
 * A screen that focuses one of its own fields (the drill answer box) keeps that focus. Back and
 * forward keep the browser's own scroll restoration; a change of query string (filters) is not a
 * new screen.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType === 'POP') return;
    window.scrollTo(0, 0);
    const main = document.getElementById('main-content');
    if (!main) return;
    let frame = 0;
    const started = performance.now();
    const focusHeading = () => {
      const active = document.activeElement;
      // The screen focused something of its own (an answer box): leave it there.
      if (active && active !== main && main.contains(active)) return;
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) {
        if (performance.now() - started < HEADING_WAIT_MS) frame = requestAnimationFrame(focusHeading);
        return;
      }
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [pathname, navigationType]);

  return null;
}
