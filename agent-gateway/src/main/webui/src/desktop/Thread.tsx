import { useI18n } from '../i18n/preact';
import type { MessageFrame } from './frames';

/** Read-only messages (offer preview, history transcript): who, what (line breaks kept), when. */
export function Thread({ messages, label }: { messages: MessageFrame[]; label: string }) {
  const i18n = useI18n();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <ol class="thread" aria-label={label}>
      {messages.map((message) => (
        <li
          key={message.seq}
          class={`thread-item from-${message.senderType.toLowerCase()}`}
          data-testid="message"
          data-author={message.senderType.toLowerCase()}
          data-agent-id={message.senderType === 'AGENT' ? message.senderId ?? undefined : undefined}
        >
          {message.senderName && <span class="thread-sender">{message.senderName}</span>}
          <p class="thread-text" data-testid="message-text">
            {message.text}
          </p>
          <time class="thread-time" data-testid="message-time" dateTime={message.occurredAt}>
            {time.format(new Date(message.occurredAt))}
          </time>
        </li>
      ))}
    </ol>
  );
}
