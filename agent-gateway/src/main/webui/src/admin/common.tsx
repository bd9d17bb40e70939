import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { ApiError } from '../shared/http';
import type { Checked, FieldErrors } from './forms';

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

/**
 * The pages' one way to run an action (save, delete, disable): the previous failure is cleared, then on success
 * `then` runs and the list is reloaded; a refusal is kept in `actionFailure` to show (with `Failure`). Resolves to
 * whether the action succeeded.
 */
export function useAction(reload: () => void): {
  actionFailure: unknown;
  setActionFailure: (failure: unknown) => void;
  run: (action: () => Promise<unknown>, then?: () => void) => Promise<boolean>;
} {
  const [actionFailure, setActionFailure] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>, then?: () => void) => {
    setActionFailure(null);
    try {
      await action();
    } catch (error) {
      setActionFailure(error);
      return false;
    }
    then?.();
    reload();
    return true;
  };
  return { actionFailure, setActionFailure, run };
}

/** A form's checked value, or null once its field errors are shown (they are cleared when the value is valid). */
export function checkedValue<T>(checked: Checked<T>, setErrors: (errors: FieldErrors) => void): T | null {
  setErrors(checked.ok ? {} : checked.errors);
  return checked.ok ? checked.value : null;
}

/**
 * The pages' edit form: `<prefix>-form` with its fields, then Save (`<prefix>-save`, disabled while `busy`) and
 * Cancel (`<prefix>-cancel`); the browser's own validation is off (the fields show the console's rules).
 */
export function EditForm(props: {
  prefix: string;
  label: string;
  onSave: () => void;
  onCancel: () => void;
  busy?: boolean;
  children: ComponentChildren;
}) {
  const t = useT();
  return (
    <form class="admin-form" data-testid={`${props.prefix}-form`} aria-label={props.label} noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}>
      {props.children}
      <div class="admin-form-buttons">
        <button type="submit" class="primary" data-testid={`${props.prefix}-save`} disabled={props.busy}>
          {t('admin:save')}
        </button>
        <button type="button" data-testid={`${props.prefix}-cancel`} onClick={props.onCancel}>
          {t('admin:cancel')}
        </button>
      </div>
    </form>
  );
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

/**
 * A page's table: its column headers (`columns`, then a hidden "Actions" header when `actions`) and its rows
 * (`children`, the `<tr>`s), in a wrapper that scrolls sideways when the table is wider than the screen (at 400 px),
 * so the page itself never does; the wrapper takes the focus (tabindex 0) so keyboard users can scroll it too.
 */
export function AdminTable({ testId, columns, actions = true, children }: {
  testId: string;
  columns: string[];
  actions?: boolean;
  children: ComponentChildren;
}) {
  const t = useT();
  return (
    <div class="admin-scroll" tabIndex={0}>
      <table class="admin-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span class="sr-only">{t('admin:actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row's Edit button, labelled with what it edits ("Edit Support") for screen readers. */
export function EditButton({ name, testId, onClick }: { name: string; testId?: string; onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" data-testid={testId} aria-label={t('admin:editNamed', { name })} onClick={onClick}>
      {t('admin:edit')}
    </button>
  );
}

/** A row's Delete button, labelled with what it deletes ("Delete Support") for screen readers. */
export function DeleteButton({ name, testId, onClick }: { name: string; testId?: string; onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" class="danger" data-testid={testId} aria-label={t('admin:deleteNamed', { name })} onClick={onClick}>
      {t('admin:delete')}
    </button>
  );
}

export function Toolbar({ children }: { children: ComponentChildren }) {
  return <div class="admin-toolbar">{children}</div>;
}
