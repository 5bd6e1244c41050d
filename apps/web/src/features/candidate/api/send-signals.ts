import { api, call } from '@/lib/api-client';
import type { SignalEvent } from '../utils/signals';

/** Records a batch of integrity signals on the candidate's open attempt. */
export const sendSignals = async (events: SignalEvent[]): Promise<void> => {
  await call(() =>
    api.POST('/api/candidate/attempt/signals', {
      body: {
        events: events.map((e) => ({
          ...(e.id !== undefined ? { id: e.id } : {}),
          ...(e.kind === 'paste'
            ? { type: 'paste' as const, at: e.at, chars: e.chars, ...(e.position !== null && e.position >= 1 ? { position: e.position } : {}) }
            : { type: e.kind, at: e.at, durationMs: e.durationMs }),
        })),
      },
    }),
  );
};
