import { useEffect, useRef, useState } from 'react';
import { nextAnnouncement, remainingMs, warningFor, type ClockAnchor, type TimeWarning } from './countdown';

/** Remaining time on the server's clock, ticking; `announce` is the latest warning to read out. */
export function useCountdown(deadlineAt: string, anchor: ClockAnchor) {
  const [remaining, setRemaining] = useState(() => remainingMs(deadlineAt, anchor, performance.now()));
  const [announce, setAnnounce] = useState<TimeWarning | null>(null);
  const announced = useRef<TimeWarning>('none');

  useEffect(() => {
    const tick = () => {
      const ms = remainingMs(deadlineAt, anchor, performance.now());
      setRemaining(ms);
      const warning = warningFor(ms);
      const next = nextAnnouncement(warning, announced.current);
      if (next) {
        announced.current = next;
        setAnnounce(next);
      }
    };
    tick();
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [deadlineAt, anchor]);

  return { remaining, warning: warningFor(remaining), announce };
}
