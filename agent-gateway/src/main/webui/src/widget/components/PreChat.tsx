import { useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { acceptTyped } from '../compose';
import { validatePreChat, type PreChatErrors, type PreChatValues } from '../prechat';

interface Props {
  starting: boolean;
  /** A translation key of why the last start failed, null when none. */
  startError: string | null;
  onStart(values: PreChatValues): void;
}

/** Name, e-mail and an optional first question; each field labelled, each error said next to its field. */
export function PreChat({ starting, startError, onStart }: Props) {
  const t = useT();
  const [values, setValues] = useState<PreChatValues>({ name: '', email: '', question: '' });
  const [errors, setErrors] = useState<PreChatErrors>({});
  const fields = { name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null) };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = validatePreChat(values);
    setErrors(found);
    const firstInvalid = (['name', 'email'] as const).find((field) => found[field]);
    if (firstInvalid) fields[firstInvalid].current?.focus();
    else onStart(values);
  };
  const set = (field: keyof PreChatValues) => (event: Event) =>
    setValues({ ...values, [field]: (event.target as HTMLInputElement).value });

  return (
    <form class="prechat" onSubmit={submit} noValidate>
      <p class="intro">{t('prechat.intro')}</p>
      {(['name', 'email'] as const).map((field) => (
        <div class="field" key={field}>
          <label for={`prechat-${field}`}>
            {t(`prechat.${field}`)} <span class="required">({t('prechat.required')})</span>
          </label>
          <input
            id={`prechat-${field}`}
            ref={fields[field]}
            data-testid={`prechat-${field}`}
            type={field === 'email' ? 'email' : 'text'}
            autocomplete={field === 'email' ? 'email' : 'name'}
            required
            value={values[field]}
            onInput={set(field)}
            aria-invalid={errors[field] ? 'true' : undefined}
            aria-describedby={errors[field] ? `prechat-${field}-error` : undefined}
          />
          {errors[field] && (
            <p class="field-error" id={`prechat-${field}-error`}>
              {t(errors[field]!)}
            </p>
          )}
        </div>
      ))}
      <div class="field">
        <label for="prechat-question">{t('prechat.question')}</label>
        <textarea
          id="prechat-question"
          data-testid="prechat-question"
          rows={3}
          value={values.question}
          onInput={(event) => {
            const typed = acceptTyped((event.target as HTMLTextAreaElement).value).text;
            (event.target as HTMLTextAreaElement).value = typed;
            setValues({ ...values, question: typed });
          }}
        />
      </div>
      {startError && (
        <p class="form-error" role="alert" data-testid="chat-error">
          {t(startError)}
        </p>
      )}
      <button type="submit" class="primary" data-testid="prechat-submit" disabled={starting}>
        {starting ? t('prechat.starting') : t('prechat.submit')}
      </button>
    </form>
  );
}
