import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { saveDelay, type SaveState } from '../utils/autosave';

/** Where the draft stands: saved, waiting, saving, or failed with the edits kept and a retry. */
export function SaveIndicator({ state, error, onRetry }: { state: SaveState; error: unknown; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  const when = state.savedAt ? new Date(state.savedAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' }) : undefined;
  return (
    <div className={`qs-save qs-save--${state.status}`} data-testid="save-status" data-status={state.status}>
      <span role="status" aria-live="polite">
        {state.status === 'saved'
          ? when
            ? t('questionSets.save.savedAt', { time: when })
            : t('questionSets.save.saved')
          : state.status === 'pending'
            ? t('questionSets.save.pending')
            : state.status === 'saving'
              ? t('questionSets.save.saving')
              : state.status === 'invalid'
                ? t('questionSets.save.invalid')
                : t('questionSets.save.failed', { seconds: Math.round(saveDelay(state) / 1000) })}
      </span>
      {state.status === 'failed' ? (
        <>
          {isApiError(error) ? <span className="small"> {error.message}</span> : null}
          <button type="button" className="btn btn--secondary btn--sm" onClick={onRetry}>
            {t('questionSets.save.retry')}
          </button>
        </>
      ) : null}
    </div>
  );
}
