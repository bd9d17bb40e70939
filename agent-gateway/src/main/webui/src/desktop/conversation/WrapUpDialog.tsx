import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { Dialog } from './Dialog';
import { useNow } from './hooks';
import { codePointLength, formatDuration, matchesSearch, truncateCodePoints } from './text';
import type { WrapUpReasonView, WrapUpSubmission } from './types';

/** Longest note, in code points (gateway `MessageRules.WRAP_UP_NOTE_MAX_CODE_POINTS`). */
export const MAX_NOTE_LENGTH = 1000;

export interface WrapUpDialogProps {
  /** The reasons to start with (`GET /api/wrap-up-reasons`). */
  reasons: WrapUpReasonView[];
  /**
   * Asks the gateway (`?search=`). Left out, `reasons` is filtered here. Answers may come back in any order:
   * only the answer to the latest query is ever shown.
   */
  search?: (query: string) => Promise<WrapUpReasonView[]>;
  onSubmit: (submission: WrapUpSubmission) => void;
  /** Left out, the dialog cannot be dismissed (a wrap-up is due). */
  onCancel?: () => void;
  /** When the wrap-up began (ISO or epoch ms): the timer counts from it; default: when the dialog opened. */
  openedAt?: string | number;
  busy?: boolean;
  /** A translated message, e.g. a refused submission. */
  error?: string | null;
  /** See Dialog: false lets the agent work in other conversations while this wrap-up is open. */
  modal?: boolean;
}

/**
 * The wrap-up: a searchable list of reasons with nothing chosen at first, an optional note, a timer. What is
 * submitted is always the reason shown in `wrapup-selected`: a search that hides the chosen reason unchooses it,
 * and answers to older searches are dropped.
 */
export function WrapUpDialog({ reasons, search, onSubmit, onCancel, openedAt, busy, error, modal }: WrapUpDialogProps) {
  const t = useT();
  const ids = { search: useId(), list: useId(), note: useId(), selected: useId() };
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<WrapUpReasonView[] | null>(null);
  const [searchFailed, setSearchFailed] = useState(false);
  const [selected, setSelected] = useState<WrapUpReasonView | null>(null);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState('');
  const latestQuery = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);
  const [started] = useState(() => (openedAt === undefined ? Date.now() : new Date(openedAt).getTime()));
  const now = useNow();

  const shown = (search ? answer ?? reasons : reasons).filter((reason) => matchesSearch(query, reason.code, reason.label));
  const selectedShown = selected !== null && shown.some((reason) => reason.code === selected.code);

  useEffect(() => {
    if (selected && !selectedShown) setSelected(null); // hidden by a search or a new answer: no longer chosen
  }, [selected, selectedShown]);

  const onQuery = (next: string) => {
    setQuery(next);
    setActive(-1);
    if (!search) return;
    const ticket = ++latestQuery.current;
    search(next).then(
      (found) => {
        if (ticket !== latestQuery.current) return; // an older query's answer: the agent has typed on since
        setAnswer(found);
        setSearchFailed(false);
      },
      () => ticket === latestQuery.current && setSearchFailed(true),
    );
  };

  const choose = (reason: WrapUpReasonView, index: number) => {
    setSelected(reason);
    setActive(index);
  };

  const onListKey = (event: KeyboardEvent) => {
    const last = shown.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(active + 1, last), ArrowUp: Math.max(active - 1, 0), Home: 0, End: last };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key]);
    } else if ((event.key === 'Enter' || event.key === ' ') && shown[active]) {
      event.preventDefault();
      choose(shown[active], active);
    }
  };

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && shown.length > 0) {
      event.preventDefault();
      setActive(0);
      listRef.current?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault(); // Enter in the search never submits; it chooses the one reason left, if so
      if (shown.length === 1) choose(shown[0], 0);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (!selected || !selectedShown || busy) return;
    onSubmit({ reasonCode: selected.code, reasonLabel: selected.label, note: note.trim() });
  };

  const optionId = (index: number) => `${ids.list}-option-${index}`;

  return (
    <Dialog title={t('conversation:wrapUp.title')} onClose={onCancel ?? (() => {})} testId="wrapup-dialog" initialFocus="input[type=search]" modal={modal}>
      <form class="lc-wrapup-form" onSubmit={submit}>
        <p class="lc-wrapup-timer">
          {t('conversation:wrapUp.timer')}{' '}
          <span data-testid="wrapup-timer" role="timer">{formatDuration(now - started)}</span>
        </p>
        <label class="lc-field" htmlFor={ids.search}>
          <span class="lc-field-label">{t('conversation:wrapUp.search')}</span>
          <input
            id={ids.search}
            type="search"
            data-testid="wrapup-search"
            value={query}
            autocomplete="off"
            aria-controls={ids.list}
            onInput={(event) => onQuery((event.currentTarget as HTMLInputElement).value)}
            onKeyDown={onSearchKey}
          />
        </label>
        {searchFailed && <p class="lc-field-error" role="alert">{t('conversation:wrapUp.searchFailed')}</p>}
        {/* Outside the listbox: a listbox may hold options only (axe aria-required-children). */}
        {shown.length === 0 && <p class="lc-target-empty" data-testid="wrapup-empty">{t('conversation:wrapUp.noReason')}</p>}
        <div
          ref={listRef}
          id={ids.list}
          class="lc-wrapup-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('conversation:wrapUp.reasons')}
          aria-activedescendant={shown[active] ? optionId(active) : undefined}
          onKeyDown={onListKey}
        >
          {shown.map((reason, index) => {
            const isSelected = selected?.code === reason.code;
            return (
              <div
                key={reason.code}
                id={optionId(index)}
                role="option"
                class={`lc-wrapup-option${isSelected ? ' lc-wrapup-option-selected' : ''}${index === active ? ' lc-wrapup-option-active' : ''}`}
                aria-selected={isSelected ? 'true' : 'false'}
                data-testid="wrapup-option"
                data-reason-id={reason.code}
                onClick={() => choose(reason, index)}
              >
                {reason.label}
              </div>
            );
          })}
        </div>
        <p class="lc-wrapup-selected">
          <span id={ids.selected}>{t('conversation:wrapUp.selected')}</span>{' '}
          <strong data-testid="wrapup-selected" aria-live="polite">
            {selected && selectedShown ? selected.label : ''}
          </strong>
          {!selected && <span class="lc-wrapup-none"> {t('conversation:wrapUp.noneSelected')}</span>}
        </p>
        <label class="lc-field" htmlFor={ids.note}>
          <span class="lc-field-label">{t('conversation:wrapUp.note')}</span>
          <textarea
            id={ids.note}
            data-testid="wrapup-note"
            rows={3}
            value={note}
            onInput={(event) => setNote(keepWithinLimit(event.currentTarget as HTMLTextAreaElement))}
          />
          <span class="lc-compose-counter" data-level={codePointLength(note) >= MAX_NOTE_LENGTH ? 'limit' : 'ok'}>
            {`${codePointLength(note)}/${MAX_NOTE_LENGTH}`}
          </span>
        </label>
        {error && <p class="lc-field-error" role="alert" data-testid="dialog-error">{error}</p>}
        <div class="lc-dialog-buttons">
          {onCancel && (
            <button type="button" class="lc-button" data-testid="dialog-cancel" onClick={onCancel}>
              {t('conversation:dialog.cancel')}
            </button>
          )}
          <button type="submit" class="lc-button lc-button-primary" data-testid="wrapup-submit" disabled={!selected || !selectedShown || busy}>
            {t('conversation:wrapUp.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function keepWithinLimit(element: HTMLTextAreaElement): string {
  const kept = truncateCodePoints(element.value, MAX_NOTE_LENGTH);
  if (kept !== element.value) element.value = kept;
  return kept;
}
