// One state for the whole add-in, shared by the pane, the ribbon commands and the live listener (they
// all run in one page). A tiny observable: the pane reads it with React's useSyncExternalStore.
export interface Store<S> {
  get(): S;
  /** Merges `patch` (or what `update` returns) into the state and tells every subscriber. */
  set(patch: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const change = typeof patch === "function" ? patch(state) : patch;
      state = { ...state, ...change };
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
