import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import {
  codePointLength,
  counterLevel,
  hasReservedCharacters,
  MAX_MESSAGE_LENGTH,
  sendableText,
  truncateCodePoints,
  WARNING_FROM,
  withoutReservedCharacters,
} from './text';
import { isSendKey } from '../../shared/text';
import type { ComposeDisabledReason } from './types';

/** Why the compose box refused part of what was typed or pasted. */
export type ComposeProblem = 'reserved' | 'truncated';

export interface ComposeProps {
  /** The draft, kept by the shell per conversation: nothing here resets it but the agent (and a send). */
  draft: string;
  onDraftChange: (draft: string) => void;
  /** Called with the trimmed text; the draft is then cleared through onDraftChange(''). */
  onSend: (text: string) => void;
  /** When set, nothing can be sent and the box says why; 'reconnecting' still lets the agent type. */
  disabledReason?: ComposeDisabledReason | null;
  /** A problem found outside the box (e.g. a template cut at the limit), shown like the box's own. */
  notice?: ComposeProblem | null;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The reply box: live counter "n/1000" (warning from 900, hard stop at 1000 code points, pasted text cut with
 * a message), Enter sends, Shift+Enter adds a line, `<` and `>` refused as they are typed (the gateway refuses
 * them in agent messages), blank text never sent.
 */
export function Compose({ draft, onDraftChange, onSend, disabledReason, notice, inputRef }: ComposeProps) {
  const t = useT();
  const ids = { label: useId(), hint: useId(), error: useId(), reason: useId() };
  const [problem, setProblem] = useState<ComposeProblem | null>(null);
  const length = codePointLength(draft);
  const level = counterLevel(length, MAX_MESSAGE_LENGTH, WARNING_FROM);
  const shown = problem ?? notice ?? (hasReservedCharacters(draft) ? 'reserved' : null);
  const text = sendableText(draft);
  const canSend = !disabledReason && text !== null;
  const readOnly = !!disabledReason && disabledReason !== 'reconnecting';

  const send = () => {
    if (!canSend) return;
    onSend(text!);
    setProblem(null);
    onDraftChange('');
  };

  const accept = (element: HTMLTextAreaElement, found: ComposeProblem | null) => {
    const cleaned = clean(element);
    const next = cleaned.problem ?? found;
    if (next) setProblem(next);
    else if (cleaned.value === '') setProblem(null);
    onDraftChange(cleaned.value);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return; // Enter that ends an IME composition is not a send
    if (event.key === '<' || event.key === '>') {
      event.preventDefault();
      setProblem('reserved');
    } else if (isSendKey(event)) {
      event.preventDefault();
      send();
    }
  };

  const onPaste = (event: ClipboardEvent) => {
    const pasted = event.clipboardData?.getData('text/plain');
    if (pasted == null) return; // let the browser paste; onInput still cleans it
    const element = event.currentTarget as HTMLTextAreaElement;
    const { selectionStart: start, selectionEnd: end, value } = element;
    const room = MAX_MESSAGE_LENGTH - codePointLength(value) + codePointLength(value.slice(start, end));
    const allowed = withoutReservedCharacters(pasted);
    const fitting = truncateCodePoints(allowed, Math.max(0, room));
    if (fitting === pasted) return;
    event.preventDefault();
    element.setRangeText(fitting, start, end, 'end');
    accept(element, fitting !== allowed ? 'truncated' : 'reserved');
  };

  const describedBy = [ids.hint, shown ? ids.error : null, disabledReason ? ids.reason : null].filter(Boolean).join(' ');

  return (
    <div class="lc-compose" data-testid="compose">
      <label id={ids.label} class="lc-visually-hidden" htmlFor={`${ids.label}-input`}>
        {t('conversation:compose.label')}
      </label>
      <textarea
        id={`${ids.label}-input`}
        ref={inputRef}
        class="lc-compose-input"
        data-testid="compose-input"
        value={draft}
        rows={3}
        placeholder={t('conversation:compose.placeholder')}
        // maxLength counts UTF-16 units; this lets exactly MAX_MESSAGE_LENGTH code points in
        maxLength={draft.length - length + MAX_MESSAGE_LENGTH}
        disabled={readOnly}
        aria-describedby={describedBy}
        aria-invalid={shown ? 'true' : undefined}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onInput={(event) => accept(event.currentTarget as HTMLTextAreaElement, null)}
      />
      <div class="lc-compose-footer">
        <span id={ids.hint} class="lc-compose-hint">
          {t('conversation:compose.hint')}
        </span>
        <span class="lc-compose-counter" data-testid="compose-counter" data-level={level} aria-hidden="true">
          {`${length}/${MAX_MESSAGE_LENGTH}`}
        </span>
        <span class="lc-compose-level" data-level={level} aria-live="polite" data-testid="compose-level">
          {level === 'ok' ? '' : t(`conversation:compose.counter.${level}`, { max: MAX_MESSAGE_LENGTH })}
        </span>
        <button
          type="button"
          class="lc-button lc-button-primary lc-compose-send"
          data-testid="compose-send"
          disabled={!canSend}
          aria-describedby={disabledReason ? ids.reason : undefined}
          onClick={send}
        >
          {t('conversation:compose.send')}
        </button>
      </div>
      <p id={ids.error} class="lc-compose-error" data-testid="compose-error" role="alert" hidden={!shown}>
        {shown ? t(`conversation:compose.problem.${shown}`, { max: MAX_MESSAGE_LENGTH }) : ''}
      </p>
      {disabledReason && (
        <p id={ids.reason} class="lc-compose-disabled" data-testid="compose-disabled-reason">
          {t(`conversation:compose.disabled.${disabledReason}`)}
        </p>
      )}
    </div>
  );
}

/**
 * Takes `<`, `>` and anything past the limit out of the box's text (typed, dropped, autocorrected, pasted),
 * keeping the caret where the agent was typing.
 */
function clean(element: HTMLTextAreaElement): { value: string; problem: ComposeProblem | null } {
  const raw = element.value;
  let value = raw;
  let problem: ComposeProblem | null = null;
  if (hasReservedCharacters(value)) {
    value = withoutReservedCharacters(value);
    problem = 'reserved';
  }
  if (codePointLength(value) > MAX_MESSAGE_LENGTH) {
    value = truncateCodePoints(value, MAX_MESSAGE_LENGTH);
    problem = 'truncated';
  }
  if (value !== raw) {
    const caret = element.selectionStart ?? raw.length;
    const before = Math.min(value.length, withoutReservedCharacters(raw.slice(0, caret)).length);
    element.value = value;
    element.setSelectionRange(before, before);
  }
  return { value, problem };
}
