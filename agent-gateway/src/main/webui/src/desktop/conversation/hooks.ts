import { useState } from 'preact/hooks';

export { useNow } from '../../shared/useNow';

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
