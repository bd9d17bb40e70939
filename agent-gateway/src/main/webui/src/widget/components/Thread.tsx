import { useEffect, useRef } from 'preact/hooks';
import { useI18n, useT } from '../../i18n/preact';
import type { Entry } from '../state';
import { systemNotice } from '../systemNotices';
import { formattingLocale } from '../../i18n/languages';
import { readMarkSeq } from '../../shared/readReceipts';
import { PendingNote } from '../../shared/PendingNote';

/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK = 24;

/** The conversation: bubbles with line breaks kept and localised times, system events compact between them. */
export function Thread({
  entries,
  readSeq = 0,
  onCancelPending,
}: {
  entries: Entry[];
  readSeq?: number;
  /** Cancels a message not sent yet (by its clientMessageId). */
  onCancelPending?: (clientMessageId: string) => void;
}) {
  const t = useT();
  const language = useI18n().language;
  const end = useRef<HTMLLIElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // Any change shows the newest line: a new entry, and also an echo that replaces a bubble (it may add a note).
  useEffect(() => end.current?.scrollIntoView?.({ block: 'end' }), [entries]);
  // The thread shrinks when something opens below it (the message form after the maximum wait, a survey): the
  // newest line stays in view unless the customer had scrolled up to read.
  useEffect(() => {
    const element = log.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => {
    const element = log.current!;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
  };
  // "Read" under the customer's last message an agent has read (read receipts).
  const readMark = readMarkSeq(
    entries.flatMap((e) => (e.kind === 'message' && e.author === 'customer' && e.seq !== null ? [e.seq] : [])),
    readSeq,
  );
  const time = new Intl.DateTimeFormat(formattingLocale(language), { hour: '2-digit', minute: '2-digit' });

  return (
    // Focusable: keyboard users scroll the conversation with the arrow keys.
    <div ref={log} class="thread" role="log" aria-live="polite" aria-label={t('thread.label')} tabIndex={0} onScroll={onScroll}>
      <ol class="entries">
        {entries.map((entry) => (
          <li
            key={entry.key}
            data-testid="message"
            data-author={entry.kind === 'event' ? 'system' : entry.author}
            data-pending={entry.kind === 'message' && entry.delivery === 'sending' ? 'true' : undefined}
            class={`entry ${entry.kind === 'event' ? 'system' : entry.author}`}
          >
            {entry.kind === 'message' && entry.author !== 'system' && (
              <span class="who">{entry.author === 'customer' ? t('thread.you') : entry.name || t('thread.agent')}</span>
            )}
            <p class="text" data-testid="message-text">
              {text(entry, t)}
            </p>
            <span class="meta">
              <time data-testid="message-time" dateTime={entry.at}>
                {time.format(new Date(entry.at))}
              </time>
              {entry.kind === 'message' && entry.delivery === 'failed' && (
                <span class="delivery failed"> · {t('thread.failed')}</span>
              )}
              {entry.kind === 'message' && readMark > 0 && entry.seq === readMark && (
                <span class="read-receipt" data-testid="read-receipt"> · {t('thread.read')}</span>
              )}
            </span>
            {entry.kind === 'message' && entry.delivery === 'sending' && (
              <PendingNote
                message={{ clientMessageId: entry.key, text: entry.text, at: entry.at, retryAt: entry.retryAt ?? null }}
                onCancel={() => onCancelPending?.(entry.key)}
                className="pending-note"
              />
            )}
            {entry.kind === 'message' && entry.masked && <p class="masked-note">{t('thread.masked')}</p>}
          </li>
        ))}
        <li ref={end} class="end" aria-hidden="true" />
      </ol>
    </div>
  );
}

function text(entry: Entry, t: (key: string, values?: Record<string, string>) => string): string {
  if (entry.kind === 'event') {
    return entry.event === 'ended' ? t(`thread.ended.${entry.reason}`) : t(`thread.${entry.event}`, { name: entry.name });
  }
  if (entry.author !== 'system') return entry.text;
  const notice = systemNotice(entry.text);
  return notice.kind === 'translated' ? t(notice.key, notice.values) : entry.text;
}
