import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n, useT } from '../../i18n/preact';
import { formatDateTime, formatTime, initials } from './text';
import type { MessageView } from './types';
import { PendingNote } from '../../shared/PendingNote';

export interface MessageListProps {
  messages: MessageView[];
  /** The signed-in agent: their messages are "own" (right), other agents' are a colleague's (left, named). */
  selfAgentId: string;
  /** Cancels a message of this agent's not sent yet (its `pending`), by its id. */
  onCancelPending?: (id: string) => void;
}

/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK = 24;

/**
 * The thread: customer bubbles (grey, initials), agent bubbles (blue; own on the right, colleagues' named on the
 * left), system events as compact centred lines. New entries keep the view at the bottom unless the agent
 * scrolled up to read; then a button offers to jump to the newest.
 */
export function MessageList({ messages, selfAgentId, onCancelPending }: MessageListProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const stuckToBottom = useRef(true);
  const seenCount = useRef(messages.length);
  const [unseen, setUnseen] = useState(false);

  // Keyed on what changes the thread's end, not on the array: the shell builds a new array on every render
  // (each keystroke in the draft), which must not move the scroll position.
  const lastId = messages.length > 0 ? messages[messages.length - 1].id : null;
  useLayoutEffect(() => {
    const element = scroller.current!;
    const grew = messages.length > seenCount.current;
    seenCount.current = messages.length;
    if (stuckToBottom.current) element.scrollTop = element.scrollHeight;
    else if (grew) setUnseen(true);
  }, [messages.length, lastId]);

  const onScroll = () => {
    const element = scroller.current!;
    stuckToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
    if (stuckToBottom.current) setUnseen(false);
  };

  const jumpToNewest = () => {
    const element = scroller.current!;
    element.scrollTop = element.scrollHeight;
    stuckToBottom.current = true;
    setUnseen(false);
  };

  return (
    <div class="lc-thread">
      <div
        ref={scroller}
        class="lc-thread-scroll"
        role="log"
        aria-label={t('conversation:thread.label')}
        tabIndex={0}
        onScroll={onScroll}
        data-testid="message-list"
      >
        {messages.length === 0 ? (
          <p class="lc-thread-empty">{t('conversation:thread.empty')}</p>
        ) : (
          <ol class="lc-thread-list">
            {messages.map((message) => (
              <MessageItem key={message.id} message={message} selfAgentId={selfAgentId} onCancelPending={onCancelPending} />
            ))}
          </ol>
        )}
      </div>
      {unseen && (
        <button type="button" class="lc-thread-jump" onClick={jumpToNewest} data-testid="message-list-jump">
          {t('conversation:thread.jumpToNewest')}
        </button>
      )}
    </div>
  );
}

function MessageItem({
  message,
  selfAgentId,
  onCancelPending,
}: {
  message: MessageView;
  selfAgentId: string;
  onCancelPending?: (id: string) => void;
}) {
  const t = useT();
  if (message.author === 'system') return <SystemItem message={message} />;
  const own = message.author === 'agent' && message.agentId === selfAgentId;
  const side = message.author === 'customer' ? 'customer' : own ? 'own' : 'colleague';
  return (
    <li
      class={`lc-message lc-message-${side}`}
      data-testid="message"
      data-author={message.author}
      data-agent-id={message.author === 'agent' ? message.agentId : undefined}
      data-pending={message.pending ? 'true' : undefined}
    >
      {message.author === 'customer' && (
        <span class="lc-avatar" aria-hidden="true">
          {initials(message.authorName)}
        </span>
      )}
      <div class={`lc-bubble lc-bubble-${side}${message.internal ? ' lc-bubble-internal' : ''}${message.pending ? ' lc-bubble-pending' : ''}`}>
        <MessageHeader message={message} own={own} />
        <MessageText text={message.text ?? ''} />
        {message.seen && (
          <p class="lc-message-seen" data-testid="seen-mark">
            {t('conversation:thread.seen')}
          </p>
        )}
        {message.pending && (
          <PendingNote message={message.pending} onCancel={() => onCancelPending?.(message.id)} className="lc-message-pending" />
        )}
      </div>
    </li>
  );
}

function MessageHeader({ message, own }: { message: MessageView; own: boolean }) {
  const t = useT();
  const name = own ? t('conversation:thread.you') : message.authorName || t(`conversation:thread.unknown.${message.author}`);
  return (
    <p class="lc-message-meta">
      <span class="lc-message-author">{name}</span>
      {message.internal && <span class="lc-message-internal">{t('conversation:thread.internal')}</span>}
      <MessageTime at={message.at} />
    </p>
  );
}

/** Line breaks are shown as typed: pre-wrap (inline, so no stylesheet can lose them), text never parsed as HTML. */
function MessageText({ text }: { text: string }) {
  return (
    <p class="lc-message-text" data-testid="message-text" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </p>
  );
}

function MessageTime({ at }: { at: string }) {
  const language = useI18n().language;
  return (
    <time class="lc-message-time" dateTime={at} title={formatDateTime(at, language)} data-testid="message-time">
      {formatTime(at, language)}
    </time>
  );
}

function SystemItem({ message }: { message: MessageView }) {
  const t = useT();
  const text = message.event
    ? t(`conversation:event.${message.event.kind}`, {
        agentName: message.event.agentName ?? t('conversation:thread.unknown.agent'),
        queueName: message.event.queueName ?? '',
        reasonLabel: message.event.reasonLabel ?? '',
        rating: message.event.rating ?? '',
        comment: message.event.comment ?? '',
        context: message.event.comment ? 'comment' : undefined,
      })
    : message.text ?? '';
  return (
    <li class="lc-event" data-testid="message" data-author="system">
      <span class="lc-event-text" data-testid="message-text" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </span>
      <MessageTime at={message.at} />
    </li>
  );
}
