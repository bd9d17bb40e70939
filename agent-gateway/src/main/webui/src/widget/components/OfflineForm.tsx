import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, useT } from '../../i18n/preact';
import { acceptTyped } from '../compose';
import { validateOffline, type OfflineErrors, type OfflineValues } from '../offline';

interface Props {
  /** When the queue opens next (ISO instant), null when not known. */
  nextOpening: string | null;
  sending: boolean;
  /** A translation key of why the last send failed, null when none. */
  sendError: string | null;
  /** True once the message was accepted: the confirmation replaces the form. */
  sent: boolean;
  onSend(values: OfflineValues): void;
  /**
   * Why the form is offered: `closed` outside business hours (the default), `busy` after the queue's maximum wait
   * ended a chat (the title, introduction and confirmation say so).
   */
  reason?: 'closed' | 'busy';
  /** What the customer already told (the ended chat's name and e-mail), to start from. */
  initial?: Partial<OfflineValues>;
  /** Focus the first empty field at once (the form appears after a click). */
  autoFocus?: boolean;
}

const FIELDS = ['name', 'contact', 'message'] as const;

/**
 * Outside business hours, or after the queue's maximum wait ended a chat: name, contact (e-mail or phone) and the
 * message, all required, each labelled and with its error next to it; then a confirmation. The message becomes a chat
 * offered to an agent at the opening, or as soon as one is free.
 */
export function OfflineForm({ nextOpening, sending, sendError, sent, onSend, reason = 'closed', initial, autoFocus }: Props) {
  const t = useT();
  const i18n = useI18n();
  const [values, setValues] = useState<OfflineValues>({ name: '', contact: '', message: '', ...initial });
  const [errors, setErrors] = useState<OfflineErrors>({});
  const fields = {
    name: useRef<HTMLInputElement>(null),
    contact: useRef<HTMLInputElement>(null),
    message: useRef<HTMLTextAreaElement>(null),
  };
  useEffect(() => {
    if (!autoFocus) return;
    const firstEmpty = FIELDS.find((field) => !values[field].trim()) ?? 'message';
    fields[firstEmpty].current?.focus();
  }, []);
  const busy = reason === 'busy';
  const opening = nextOpening
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(nextOpening))
    : null;

  if (sent) {
    return (
      <section class="offline-sent" role="status" data-testid="offline-sent">
        <h2>{t('offline.sentTitle')}</h2>
        <p>{t(busy ? 'offline.busySent' : 'offline.sent')}</p>
      </section>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    const found = validateOffline(values);
    setErrors(found);
    const firstInvalid = FIELDS.find((field) => found[field]);
    if (firstInvalid) fields[firstInvalid].current?.focus();
    else onSend(values);
  };
  const set = (field: keyof OfflineValues) => (event: Event) =>
    setValues({ ...values, [field]: (event.target as HTMLInputElement).value });
  const described = (field: keyof OfflineValues, hint?: string) =>
    [hint, errors[field] ? `offline-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const error = (field: keyof OfflineValues) =>
    errors[field] && (
      <p class="field-error" id={`offline-${field}-error`}>
        {t(errors[field]!)}
      </p>
    );
  const label = (field: keyof OfflineValues) => (
    <label for={`offline-${field}`}>
      {t(`offline.${field}`)} <span class="required">({t('prechat.required')})</span>
    </label>
  );

  return (
    <form class="prechat offline" onSubmit={submit} noValidate data-testid="offline-form">
      <h2>{t(busy ? 'offline.busyTitle' : 'offline.title')}</h2>
      <p class="intro">{t(busy ? 'offline.busyIntro' : 'offline.intro')}</p>
      {opening && (
        <p class="intro" data-testid="offline-opening">
          {t('offline.opensAt', { when: opening })}
        </p>
      )}
      {(['name', 'contact'] as const).map((field) => (
        <div class="field" key={field}>
          {label(field)}
          <input
            id={`offline-${field}`}
            ref={fields[field]}
            data-testid={`offline-${field}`}
            type="text"
            autocomplete={field === 'name' ? 'name' : 'email'}
            required
            value={values[field]}
            onInput={set(field)}
            aria-invalid={errors[field] ? 'true' : undefined}
            aria-describedby={described(field, field === 'contact' ? 'offline-contact-hint' : undefined)}
          />
          {field === 'contact' && (
            <p class="hint" id="offline-contact-hint">
              {t('offline.contactHint')}
            </p>
          )}
          {error(field)}
        </div>
      ))}
      <div class="field">
        {label('message')}
        <textarea
          id="offline-message"
          ref={fields.message}
          data-testid="offline-message"
          rows={4}
          required
          value={values.message}
          aria-invalid={errors.message ? 'true' : undefined}
          aria-describedby={described('message')}
          onInput={(event) => {
            const typed = acceptTyped((event.target as HTMLTextAreaElement).value).text;
            (event.target as HTMLTextAreaElement).value = typed;
            setValues({ ...values, message: typed });
          }}
        />
        {error('message')}
      </div>
      {sendError && (
        <p class="form-error" role="alert" data-testid="offline-error">
          {t(sendError)}
        </p>
      )}
      <button type="submit" class="primary" data-testid="offline-submit" disabled={sending}>
        {sending ? t('offline.sending') : t('offline.submit')}
      </button>
    </form>
  );
}
