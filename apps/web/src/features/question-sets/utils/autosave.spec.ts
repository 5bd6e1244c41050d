import { initialSaveState, saveDelay, saveReducer, type SaveState } from './autosave';

describe('saveReducer', () => {
  it('should go pending on a valid edit and saved after a successful save', () => {
    let state = saveReducer(initialSaveState, { type: 'edited', valid: true });
    expect(state.status).toBe('pending');
    state = saveReducer(state, { type: 'start' });
    expect(state.status).toBe('saving');
    state = saveReducer(state, { type: 'succeeded', at: 1000, stillDirty: false });
    expect(state).toEqual({ status: 'saved', failures: 0, savedAt: 1000 });
  });

  it('should stay pending after a save when the person typed during it', () => {
    let state: SaveState = { status: 'saving', failures: 0 };
    state = saveReducer(state, { type: 'edited', valid: true });
    expect(state.status).toBe('saving');
    expect(saveReducer(state, { type: 'succeeded', at: 5, stillDirty: true }).status).toBe('pending');
  });

  it('should call undone edits saved, except while a save is in flight', () => {
    expect(saveReducer({ status: 'failed', failures: 3 }, { type: 'clean' })).toEqual({ status: 'saved', failures: 0 });
    expect(saveReducer({ status: 'saving', failures: 0 }, { type: 'clean' }).status).toBe('saving');
  });

  it('should not try to save an invalid draft', () => {
    expect(saveReducer(initialSaveState, { type: 'edited', valid: false }).status).toBe('invalid');
  });

  it('should count failures and keep the failed status through later edits', () => {
    let state = saveReducer({ status: 'saving', failures: 0 }, { type: 'failed' });
    state = saveReducer(saveReducer(state, { type: 'start' }), { type: 'failed' });
    expect(state).toMatchObject({ status: 'failed', failures: 2 });
    expect(saveReducer(state, { type: 'edited', valid: true })).toMatchObject({ status: 'failed', failures: 2 });
    expect(saveReducer(state, { type: 'succeeded', at: 9, stillDirty: false })).toEqual({ status: 'saved', failures: 0, savedAt: 9 });
  });
});

describe('saveDelay', () => {
  it('should debounce typing when nothing has failed', () => {
    expect(saveDelay(initialSaveState)).toBe(1200);
    expect(saveDelay(initialSaveState, 500)).toBe(500);
  });

  it('should back off exponentially after failures, capped at 30 s', () => {
    const after = (failures: number) => saveDelay({ status: 'failed', failures });
    expect([1, 2, 3, 4, 5, 6].map(after)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
