import { useEffect, useReducer, useState } from 'preact/hooks';
import { ApiError, GatewayApi } from '../desktop/api';
import type { Session } from '../desktop/persistence';
import { formattingLocale } from '../i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useI18n, useT } from '../i18n/preact';
import { Monitor } from './Monitor';
import { isLive, liveChatAfter, type MonitoredFrame } from './monitor';
import {
  consoleReducer,
  formatSeconds,
  formatRating,
  formatServiceLevel,
  initialConsoleState,
  maySupervise,
  secondsSince,
  sortAgents,
  type LiveChat,
} from './overview';
import { SupervisorSocketClient, supervisorSocketUrl } from './socket';

const CHATS_EVERY_MS = 5_000;

/** The supervisor console: live queue and agent figures (/ws/supervisor), live chats, a read-only monitor. */
export function Console({ session, onLogout, onSignedOut }: { session: Session; onLogout: () => void; onSignedOut: () => void }) {
  const t = useT();
  const i18n = useI18n();
  const locale = formattingLocale(i18n.language, navigator.languages ?? [navigator.language]);
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const [now, setNow] = useState(() => Date.now());
  const [chats, setChats] = useState<LiveChat[] | null>(null);
  const [chatsError, setChatsError] = useState(false);
  const [monitored, setMonitored] = useState<LiveChat | null>(null);
  const [monitoredFrames, setMonitoredFrames] = useState<readonly MonitoredFrame[]>([]);
  const allowed = maySupervise(session.roles ?? []);

  useEffect(() => {
    if (!allowed) return;
    const client = new SupervisorSocketClient(supervisorSocketUrl(window.location), session.token, {
      onOverview: (overview) => dispatch({ type: 'overview', overview, receivedAt: Date.now() }),
      onStatus: (status) => dispatch({ type: 'connection', status }),
      onSignedOut,
    });
    client.start();
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      client.stop();
      window.clearInterval(tick);
    };
  }, [session.token, allowed]);

  useEffect(() => {
    if (!allowed) return;
    const api = new GatewayApi(session.token);
    let stopped = false;
    const load = async () => {
      try {
        const list = await api.get<LiveChat[]>('/api/supervisor/conversations?limit=200');
        if (!stopped) {
          setChats(list);
          setChatsError(false);
        }
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 401) onSignedOut();
        else if (!stopped) setChatsError(true);
      }
    };
    load();
    const timer = window.setInterval(load, CHATS_EVERY_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [session.token, allowed]);

  // The monitored chat's row follows its frames at once (the list itself is read again every few seconds).
  const followed = (chat: LiveChat) =>
    monitored?.conversationId === chat.conversationId ? liveChatAfter(chat, monitoredFrames) : chat;
  const shownChats = chats?.map(followed).filter(isLive);
  const monitoredChat = monitored && followed(chats?.find((chat) => chat.conversationId === monitored.conversationId) ?? monitored);

  const overview = state.overview;
  const elapsed = now - state.receivedAt;
  const announcement = state.announcement?.startsWith('waiting:')
    ? t('console:announce.waiting', { count: Number(state.announcement.slice('waiting:'.length)) })
    : '';

  return (
    <div class="console">
      <header class="console-header">
        <h1>{t('console:title')}</h1>
        <span class="muted" data-testid="console-user">{session.displayName}</span>
        <span class="console-status" data-testid="connection-status" data-status={state.connection} role="status">
          {t(`console:connection.${state.connection}`)}
        </span>
        <LanguageSwitch />
        <button type="button" data-testid="logout" onClick={onLogout}>
          {t('console:logout')}
        </button>
      </header>
      <p class="sr-only" aria-live="polite" data-testid="console-announcement">
        {announcement}
      </p>
      {!allowed ? (
        <main class="console-main">
          <p class="form-error" role="alert" data-testid="console-forbidden">
            {t('console:forbidden')}
          </p>
        </main>
      ) : (
        <main class="console-main">
          <section aria-labelledby="queues-title">
            <h2 id="queues-title">{t('console:queues.title')}</h2>
            {overview && (
              <p class="muted">{t('console:queues.threshold', { seconds: overview.serviceLevelThresholdSeconds })}</p>
            )}
            <div class="console-scroll" tabIndex={0}>
              <table data-testid="queue-table">
                <caption class="sr-only">{t('console:queues.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console:queues.queue')}</th>
                    <th scope="col">{t('console:queues.waiting')}</th>
                    <th scope="col">{t('console:queues.longestWait')}</th>
                    <th scope="col">{t('console:queues.offered')}</th>
                    <th scope="col">{t('console:queues.answered')}</th>
                    <th scope="col">{t('console:queues.abandoned')}</th>
                    <th scope="col">{t('console:queues.transferred')}</th>
                    <th scope="col">{t('console:queues.averageWait')}</th>
                    <th scope="col">{t('console:queues.averageHandle')}</th>
                    <th scope="col">{t('console:queues.serviceLevel')}</th>
                    <th scope="col">{t('console:queues.surveys')}</th>
                    <th scope="col">{t('console:queues.averageRating')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview?.queues.map((queue) => (
                    <tr key={queue.queueId} data-testid="queue-row" data-queue-id={queue.queueId}>
                      <th scope="row"><RowName name={queue.queueName} /></th>
                      <td data-testid="queue-waiting" class={queue.waiting > 0 ? 'console-attention' : undefined}>{queue.waiting}</td>
                      <td data-testid="queue-longest-wait">
                        {queue.waiting > 0 ? formatSeconds(secondsSince(queue.oldestWaitingSince, queue.longestWaitSeconds, elapsed, now)) : '–'}
                      </td>
                      <td data-testid="queue-offered">{queue.offered}</td>
                      <td data-testid="queue-answered">{queue.answered}</td>
                      <td data-testid="queue-abandoned">{queue.abandoned}</td>
                      <td data-testid="queue-transferred">{queue.transferred}</td>
                      <td data-testid="queue-average-wait">{formatSeconds(queue.averageWaitSeconds)}</td>
                      <td data-testid="queue-average-handle">{formatSeconds(queue.averageHandleSeconds)}</td>
                      <td data-testid="queue-service-level">{formatServiceLevel(queue.serviceLevel, locale)}</td>
                      <td data-testid="queue-surveys">{queue.surveys ?? 0}</td>
                      <td data-testid="queue-average-rating">
                        {queue.averageRating === null || queue.averageRating === undefined
                          ? '–'
                          : t('console:queues.ratingValue', { rating: formatRating(queue.averageRating, locale) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!overview && <p class="muted">{t('console:loading')}</p>}
          </section>

          <section aria-labelledby="agents-title">
            <h2 id="agents-title">{t('console:agents.title')}</h2>
            <div class="console-scroll" tabIndex={0}>
              <table data-testid="agent-table">
                <caption class="sr-only">{t('console:agents.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console:agents.agent')}</th>
                    <th scope="col">{t('console:agents.state')}</th>
                    <th scope="col">{t('console:agents.timeInState')}</th>
                    <th scope="col">{t('console:agents.idleCode')}</th>
                    <th scope="col">{t('console:agents.chats')}</th>
                    <th scope="col">{t('console:agents.rona')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview && sortAgents(overview.agents).map((agent) => (
                    <tr key={agent.agentId} data-testid="agent-row" data-agent-id={agent.agentId} data-state={agent.state}
                      class={agent.state === 'RONA' ? 'console-rona' : undefined}>
                      <th scope="row"><RowName name={agent.displayName} /></th>
                      <td data-testid="agent-state">
                        <span class={`console-state console-state-${agent.state.toLowerCase()}`}>
                          {t(`desktop:state.${agent.state}`, { defaultValue: agent.state })}
                        </span>
                      </td>
                      <td data-testid="agent-time-in-state">{formatSeconds(secondsSince(agent.stateSince, agent.secondsInState, elapsed, now))}</td>
                      <td data-testid="agent-idle-code">{agent.idleCode ?? '–'}</td>
                      <td data-testid="agent-chats">{t('console:agents.chatsValue', { active: agent.activeChats, capacity: agent.capacity })}</td>
                      <td data-testid="agent-rona">{agent.ronaToday}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {overview && overview.agents.length === 0 && <p class="muted">{t('console:agents.empty')}</p>}
          </section>

          <section aria-labelledby="chats-title">
            <h2 id="chats-title">{t('console:chats.title')}</h2>
            {chatsError && (
              <p class="form-error" role="alert" data-testid="chats-error">
                {t('console:chats.error')}
              </p>
            )}
            <div class="console-scroll" tabIndex={0}>
              <table data-testid="chat-table">
                <caption class="sr-only">{t('console:chats.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console:chats.customer')}</th>
                    <th scope="col">{t('console:chats.queue')}</th>
                    <th scope="col">{t('console:chats.state')}</th>
                    <th scope="col">{t('console:chats.agents')}</th>
                    <th scope="col">{t('console:chats.duration')}</th>
                    <th scope="col">
                      <span class="sr-only">{t('console:chats.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shownChats?.map((chat) => {
                    const name = chat.customerName ?? t('console:chats.anonymous');
                    return (
                      <tr key={chat.conversationId} data-testid="chat-row" data-conversation-id={chat.conversationId}>
                        <th scope="row"><RowName name={name} testId="chat-customer" /></th>
                        <td>{chat.queueName ?? '–'}</td>
                        <td data-testid="chat-state">{t(`console:chatState.${chat.state}`, { defaultValue: chat.state })}</td>
                        <td>{chat.agents.length > 0 ? chat.agents.join(', ') : '–'}</td>
                        <td>{formatSeconds(secondsSince(chat.startedAt, 0, 0, now))}</td>
                        <td>
                          <button type="button" data-testid="monitor-button" aria-pressed={monitored?.conversationId === chat.conversationId}
                            aria-label={t('console:chats.monitorLabel', { name })} onClick={() => setMonitored(chat)}>
                            {t('console:chats.monitor')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {shownChats && shownChats.length === 0 && <p class="muted" data-testid="chats-empty">{t('console:chats.empty')}</p>}
          </section>

          {monitored && (
            // The chat as last listed (its state decides whether Barge in / Take over are offered), not as clicked.
            <Monitor
              session={session}
              chat={monitoredChat ?? monitored}
              onFrames={setMonitoredFrames}
              onClose={() => setMonitored(null)}
              onSignedOut={onSignedOut}
            />
          )}
        </main>
      )}
    </div>
  );
}

/**
 * A row's name (queue, agent, customer: a customer types theirs), cut with an ellipsis past a width, the whole of it
 * in the title and read whole by screen readers: one long name cannot push the other columns off screen. A span,
 * because a table cell ignores max-width.
 */
function RowName({ name, testId }: { name: string; testId?: string }) {
  return (
    <span class="console-row-name" title={name} data-testid={testId}>
      {name}
    </span>
  );
}
