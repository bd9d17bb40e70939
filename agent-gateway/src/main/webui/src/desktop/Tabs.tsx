import { useT } from '../i18n/preact';
import type { Conversation } from './store';
import { formatDuration } from './conversation';
import { useNow } from './timers';

/** When a tab's timer starts: the agent's join, else the conversation's start. */
export function tabSince(conversation: Conversation): number | null {
  const at = conversation.joinedAt ?? conversation.startedAt;
  return at ? Date.parse(at) : null;
}

/** One tab per open conversation (ARIA tabs: arrow keys move between them). */
export function Tabs({
  conversations,
  selectedId,
  onSelect,
}: {
  conversations: Conversation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const now = useNow();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = conversations.findIndex((c) => c.id === selectedId);
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = conversations[(index + step + conversations.length) % conversations.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    (document.getElementById(`tab-${next.id}`) as HTMLElement | null)?.focus();
  };
  if (conversations.length === 0) return null;
  return (
    <div class="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
      {conversations.map((conversation) => {
        const selected = conversation.id === selectedId;
        const since = tabSince(conversation);
        return (
          <button
            key={conversation.id}
            id={`tab-${conversation.id}`}
            type="button"
            role="tab"
            class={`tab ${selected ? 'selected' : ''} tab-${(conversation.myState ?? '').toLowerCase()}`}
            aria-selected={selected ? 'true' : 'false'}
            aria-controls="conversation-panel"
            tabIndex={selected ? 0 : -1}
            data-testid="conversation-tab"
            data-conversation-id={conversation.id}
            onClick={() => onSelect(conversation.id)}
          >
            <span class="tab-name">{conversation.customerName ?? t('offer.unknownCustomer')}</span>
            {conversation.myState === 'WRAP_UP' && <span class="tab-flag">{t('tabs.wrapUp')}</span>}
            {conversation.customerTyping && (
              <span class="tab-typing" data-testid="tab-typing">
                {t('tabs.typing')}
              </span>
            )}
            {conversation.unread > 0 && (
              <span class="unread" data-testid="unread-count" aria-label={t('tabs.unread', { count: conversation.unread })}>
                {conversation.unread}
              </span>
            )}
            <span class="tab-timer" data-testid="tab-timer">
              {since === null ? '–' : formatDuration(now - since)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
