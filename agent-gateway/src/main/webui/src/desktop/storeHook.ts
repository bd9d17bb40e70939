import { useEffect, useState } from 'preact/hooks';
import { initialState, reduce, type Action, type DesktopState } from './store';

/**
 * The desktop's one state, outside Preact so the socket client can read it synchronously right after a frame
 * (the resume points after a hello) and components subscribe to it.
 */
export class Store {
  private current: DesktopState = initialState;
  private readonly listeners = new Set<(state: DesktopState) => void>();

  get state(): DesktopState {
    return this.current;
  }

  dispatch(action: Action): void {
    const next = reduce(this.current, action);
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    this.listeners.forEach((listener) => listener(next));
    this.changes.forEach((change) => change(next, previous));
  }

  private readonly changes = new Set<(state: DesktopState, previous: DesktopState) => void>();

  /** Runs `listener` after every change with the new state (components re-render from it). */
  subscribe(listener: (state: DesktopState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `change` after every change with the new and the previous state (side effects). */
  onChange(change: (state: DesktopState, previous: DesktopState) => void): () => void {
    this.changes.add(change);
    return () => this.changes.delete(change);
  }
}

export function useStore(store: Store): DesktopState {
  const [state, setState] = useState(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe(setState);
  }, [store]);
  return state;
}
