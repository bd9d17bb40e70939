import { useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { acceptTyped, canSend, draftLevel, MAX_CHARACTERS } from '../compose';
import { codePointLength, isSendKey } from '../../shared/text';

interface Props {
  draft: string;
  disabled: boolean;
  /** An error of the chat to show in the same place (already translated), null when none. */
  error: string | null;
  /** A calm notice (already translated; e.g. the service is down and the message will go by itself), null when none. */
  notice?: string | null;
  onDraft(draft: string): void;
  onSend(text: string): void;
}

/** The message box: Enter sends, Shift+Enter adds a line; a live counter; what the rules refuse is said inline. */
export function Compose({ draft, disabled, error, notice = null, onDraft, onSend }: Props) {
  const t = useT();
  const [refusal, setRefusal] = useState<string | null>(null);
  const count = codePointLength(draft);
  const send = () => {
    if (disabled || !canSend(draft)) return;
    onSend(draft);
    setRefusal(null);
  };

  return (
    <div class="compose">
      <label for="chat-input" class="visually-hidden">
        {t('compose.label')}
      </label>
      <textarea
        id="chat-input"
        data-testid="chat-input"
        rows={2}
        placeholder={t('compose.placeholder')}
        value={draft}
        disabled={disabled}
        aria-describedby="compose-hint compose-counter"
        onInput={(event) => {
          const area = event.target as HTMLTextAreaElement;
          const accepted = acceptTyped(area.value);
          if (accepted.text !== area.value) area.value = accepted.text;
          setRefusal(accepted.refusal);
          onDraft(accepted.text);
        }}
        onKeyDown={(event) => {
          if (isSendKey(event)) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div class="compose-bar">
        <span id="compose-hint" class="hint">
          {t('compose.hint')}
        </span>
        <span
          id="compose-counter"
          class="counter"
          data-testid="chat-counter"
          data-level={draftLevel(draft)}
          aria-label={t('compose.counterLabel', { count, max: MAX_CHARACTERS })}
        >
          {t('compose.counter', { count, max: MAX_CHARACTERS })}
        </span>
        <button type="button" class="primary" data-testid="chat-send" disabled={disabled || !canSend(draft)} onClick={send}>
          {t('compose.send')}
        </button>
      </div>
      {(refusal || error) && (
        <p class="inline-error" role="alert" data-testid="chat-error">
          {refusal ? t(refusal, { max: MAX_CHARACTERS }) : error}
        </p>
      )}
      {notice && !refusal && !error && (
        <p class="inline-notice" role="status" data-testid="chat-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
