import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs` while the component is shown (for timers). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * A value that the parent may control (value + onChange) or leave to the component. Controlled lets the shell
 * keep it per conversation; uncontrolled keeps it as long as the component stays mounted.
 */
export function useControllable<T>(value: T | undefined, onChange: ((next: T) => void) | undefined, initial: T) {
  const [own, setOwn] = useState<T>(initial);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const set = (next: T) => {
    if (!controlled) setOwn(next);
    onChange?.(next);
  };
  return [current, set] as const;
}
