import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, useT } from '../i18n/preact';
import type { GatewayApi, HistoryPage } from './api';
import { Dialog, MessageList, type MessageView } from './conversation';
import { threadEntries } from './conversation/adapters';
import type { ConversationFrame, ConversationView } from './frames';
import { formattingLocale } from '../i18n/languages';

export const HISTORY_PAGE_SIZE = 10;
const SEARCH_DELAY_MS = 300;

/**
 * The agent's interaction history (GET /api/agent/history, searched and paged by the gateway) and a read-only
 * transcript of one conversation (GET /api/conversations/{id}/events). A later answer never replaces a newer one.
 */
export function History({ api, agentId, onClose }: { api: GatewayApi; agentId: string; onClose: () => void }) {
  const t = useT();
  const i18n = useI18n();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<HistoryPage | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<ConversationView | null>(null);
  const [transcript, setTranscript] = useState<MessageView[] | null>(null);
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    const timer = window.setTimeout(() => {
      api
        .history(page, HISTORY_PAGE_SIZE, search)
        .then((answer) => id === request.current && (setResult(answer), setFailed(false)))
        .catch(() => id === request.current && setFailed(true));
    }, search ? SEARCH_DELAY_MS : 0);
    return () => window.clearTimeout(timer);
  }, [api, page, search]);

  useEffect(() => {
    if (!open) return;
    setTranscript(null);
    let current = true;
    api
      .events(open.conversationId, 0)
      .then((frames) => current && setTranscript(threadEntries(frames, agentNames(frames))))
      .catch(() => current && setTranscript([]));
    return () => {
      current = false;
    };
  }, [api, open]);

  const dateFormat = new Intl.DateTimeFormat(formattingLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const pages = result ? Math.max(1, Math.ceil(result.total / HISTORY_PAGE_SIZE)) : 1;

  return (
    <Dialog
      title={open ? t('history.transcriptTitle', { name: open.customerName ?? '' }) : t('history.title')}
      onClose={() => (open ? setOpen(null) : onClose())}
      testId="history-dialog"
      class="history"
    >
        <button type="button" class="history-close" onClick={onClose} data-testid="history-close">
          {t('history.close')}
        </button>
        {open ? (
          <div class="transcript" data-testid="transcript" data-conversation-id={open.conversationId}>
            <button type="button" onClick={() => setOpen(null)} data-testid="history-back">
              {t('history.back')}
            </button>
            {transcript === null ? (
              <p role="status">{t('history.loading')}</p>
            ) : transcript.length === 0 ? (
              <p>{t('history.noMessages')}</p>
            ) : (
              <MessageList messages={transcript} selfAgentId={agentId} />
            )}
          </div>
        ) : (
          <>
            <label class="field">
              <span>{t('history.search')}</span>
              <input
                type="search"
                data-testid="history-search"
                value={search}
                onInput={(e) => {
                  setSearch((e.target as HTMLInputElement).value);
                  setPage(0);
                }}
              />
            </label>
            {failed && <p role="alert" class="form-error">{t('history.failed')}</p>}
            {result && result.items.length === 0 && <p>{t('history.empty')}</p>}
            <ul class="history-list">
              {result?.items.map((item) => (
                <li key={item.conversationId}>
                  <button
                    type="button"
                    class="history-row"
                    data-testid="history-row"
                    data-conversation-id={item.conversationId}
                    onClick={() => setOpen(item)}
                  >
                    <span class="history-name">{item.customerName ?? t('offer.unknownCustomer')}</span>
                    <span>{item.queueName ?? item.queueId ?? ''}</span>
                    <span>{item.lastActivityAt || item.startedAt ? dateFormat.format(new Date((item.lastActivityAt ?? item.startedAt)!)) : ''}</span>
                    <span>{item.wrapUpLabel ?? ''}</span>
                    {item.surveyRating != null && (
                      <span class="history-rating" data-testid="history-rating">
                        {t('history.rating', { rating: item.surveyRating })}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
            <nav class="pager" aria-label={t('history.pages')}>
              <button type="button" data-testid="history-prev" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('history.prev')}
              </button>
              <span>{t('history.page', { page: page + 1, pages })}</span>
              <button type="button" data-testid="history-next" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {t('history.next')}
              </button>
            </nav>
          </>
        )}
    </Dialog>
  );
}

/**
 * Agent names from the transcript's own frames: participation steps and the agents' messages (a wrap-up frame
 * only carries the agent id).
 */
function agentNames(frames: ConversationFrame[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const frame of frames) {
    if ((frame.type === 'participant' || frame.type === 'conference') && frame.agentId && frame.agentName) {
      names[frame.agentId] = frame.agentName;
    } else if (frame.type === 'message' && frame.senderType === 'AGENT' && frame.senderId && frame.senderName) {
      names[frame.senderId] ??= frame.senderName;
    }
  }
  return names;
}
