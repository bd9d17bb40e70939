import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { ApiError } from '../shared/http';

/** Loads once and on `reload()`: the data, or the failure to show. */
export function useLoaded<T>(load: () => Promise<T>): { data: T | null; failure: unknown; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (result) => live && (setData(result), setFailure(null)),
      (error) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [round]);
  return { data, failure, reload: useCallback(() => setRound((r) => r + 1), []) };
}

/** A refusal as the owner worded it (its problem+json detail), or a generic sentence. */
export function Failure({ failure, testId }: { failure: unknown; testId?: string }) {
  const t = useT();
  if (!failure) return null;
  let text = t('admin:error.request');
  if (failure instanceof ApiError) {
    if (failure.status === 0 || failure.status === 503) text = t('admin:error.unavailable');
    else if (failure.status === 401) text = t('admin:error.signedOut');
    else if (failure.status === 403) text = t('admin:error.forbidden');
    else if (failure.detail) text = failure.detail;
  }
  return (
    <p class="form-error" role="alert" data-testid={testId ?? 'admin-failure'}>
      {text}
    </p>
  );
}

/** A labelled input with its error (an `admin:error.*` key), tied together for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  type?: string;
  hint?: string;
  disabled?: boolean;
  multiline?: boolean;
}) {
  const t = useT();
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id: props.id,
    'data-testid': props.id,
    value: props.value,
    disabled: props.disabled,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    onInput: (e: Event) => props.onInput((e.target as HTMLInputElement).value),
  };
  return (
    <div class="admin-field">
      <label for={props.id}>{props.label}</label>
      {props.multiline ? <textarea rows={4} {...common} /> : <input type={props.type ?? 'text'} {...common} />}
      {props.hint && (
        <span id={`${props.id}-hint`} class="muted admin-hint">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={`${props.id}-error`} class="form-error">
          {t(`admin:error.${props.error}`)}
        </span>
      )}
    </div>
  );
}

export function Toolbar({ children }: { children: ComponentChildren }) {
  return <div class="admin-toolbar">{children}</div>;
}
