import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { QuestionSet } from '../api/get-set';
import { toDraftInput } from '../api/convert';
import { useSaveDraft } from '../api/save-draft';
import { initialSaveState, saveDelay, saveReducer } from '../utils/autosave';
import { contentFromForm, problemsOf, type DraftForm } from '../utils/draft-form';

const backupKey = (setId: string) => `goprep.setDraft.${setId}`;

/** Unsaved edits kept in this browser, in case the tab closes before a save gets through. */
export function readBackup(setId: string): DraftForm | undefined {
  try {
    const raw = localStorage.getItem(backupKey(setId));
    return raw ? (JSON.parse(raw) as DraftForm) : undefined;
  } catch {
    return undefined;
  }
}

export function clearBackup(setId: string): void {
  try {
    localStorage.removeItem(backupKey(setId));
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

const contentKey = (form: DraftForm) => JSON.stringify(contentFromForm(form));

/**
 * Saves the draft shortly after each edit. A failed save keeps the edits (in the page and in local
 * storage) and is retried with backoff; `flush` saves now (the Save button, and before publishing).
 */
export function useDraftAutosave({
  orgId,
  setId,
  form,
  initial,
  enabled,
  learn,
  onSaved,
}: {
  orgId: string;
  setId: string;
  form: DraftForm;
  initial: DraftForm;
  enabled: boolean;
  /** What the saved set teaches a form (e.g. the versions the server pinned); not an edit. */
  learn: (set: QuestionSet, form: DraftForm) => DraftForm;
  onSaved: (set: QuestionSet, sent: DraftForm) => void;
}) {
  const save = useSaveDraft();
  const [state, dispatch] = useReducer(saveReducer, initialSaveState);
  const [error, setError] = useState<unknown>();
  const saved = useRef(contentKey(initial));
  const latest = useRef(form);
  const inFlight = useRef<Promise<boolean> | undefined>(undefined);
  latest.current = form;

  const key = contentKey(form);
  const dirty = key !== saved.current;
  const valid = problemsOf(form).length === 0;

  useEffect(() => {
    if (!enabled) return;
    if (dirty) {
      dispatch({ type: 'edited', valid });
      try {
        localStorage.setItem(backupKey(setId), JSON.stringify(form));
      } catch {
        // Storage full or disabled: the page still holds the edits.
      }
    } else {
      dispatch({ type: 'clean' });
    }
    // `key` stands for the content of `form`; re-running on other form changes is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, valid, enabled]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) {
      await inFlight.current;
    }
    const sent = latest.current;
    const sentKey = contentKey(sent);
    if (sentKey === saved.current) {
      dispatch({ type: 'clean' });
      return true;
    }
    if (problemsOf(sent).length > 0) return false;
    dispatch({ type: 'start' });
    const attempt = save
      .mutateAsync({ orgId, setId, body: toDraftInput(contentFromForm(sent)) })
      .then((set) => {
        const learned = learn(set, sent);
        saved.current = contentKey(learned);
        setError(undefined);
        const stillDirty = contentKey(learn(set, latest.current)) !== saved.current;
        if (!stillDirty) clearBackup(setId);
        dispatch({ type: 'succeeded', at: Date.now(), stillDirty });
        onSaved(set, learned);
        return true;
      })
      .catch((e: unknown) => {
        setError(e);
        dispatch({ type: 'failed' });
        return false;
      })
      .finally(() => {
        inFlight.current = undefined;
      });
    inFlight.current = attempt;
    return attempt;
  }, [orgId, setId, save, learn, onSaved]);

  // Debounce while typing; after a failure, retry on the backoff schedule even while typing.
  const waitingOn = state.status === 'pending' ? key : state.status === 'failed' ? state.failures : null;
  useEffect(() => {
    if (!enabled || waitingOn === null) return;
    const timer = setTimeout(() => void flush(), saveDelay(state));
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waitingOn, enabled]);

  // Leaving with unsaved edits asks first (they are also in local storage).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return { state, error, dirty, valid, flush };
}
