import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { GatewayApi } from '../desktop/api';
import { newClientMessageId } from '../desktop/controller';
import { MessageList, threadEntries } from '../desktop/conversation';
import { Dialog } from '../desktop/conversation/Dialog';
import type { Session } from '../desktop/persistence';
import { AgentSocketClient, agentSocketUrl } from '../desktop/socket';
import type { ConnectionStatus } from '../desktop/store';
import { useT } from '../i18n/preact';
import { addMonitoredFrame, lastSeq, type MonitoredFrame } from './monitor';
import type { LiveChat } from './overview';

/** What the supervisor does in the monitored chat: watch it, or (after a confirmation) barge in or take it over. */
export type Intervention = 'barge-in' | 'take-over';

/**
 * The transcript of any live conversation: the supervisor's own agent socket sends `resume` for it (the gateway
 * audits the monitor, replays the masked frames, then pushes new ones live). Read-only until the supervisor barges
 * in or takes over (each after a confirmation, audited by the gateway); then a compose box sends their messages.
 */
export function Monitor({
  session,
  chat,
  onClose,
  onSignedOut,
  onFrames,
}: {
  session: Session;
  chat: LiveChat;
  onClose: () => void;
  onSignedOut: () => void;
  /** The monitored conversation's frames so far, each time they change (the live list's row follows them). */
  onFrames?: (frames: readonly MonitoredFrame[]) => void;
}) {
  const t = useT();
  const [frames, setFrames] = useState<readonly MonitoredFrame[]>([]);
  const [status, setStatus] = useState<ConnectionStatus>('reconnecting');
  const [error, setError] = useState<string | null>(null);
  const framesRef = useRef(frames);
  framesRef.current = frames;
  const heading = useRef<HTMLHeadingElement>(null);
  const [joined, setJoined] = useState<Intervention | null>(null);
  const [confirming, setConfirming] = useState<Intervention | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const api = useMemo(() => new GatewayApi(session.token), [session.token]);
  const path = `/api/conversations/${encodeURIComponent(chat.conversationId)}`;

  useEffect(() => {
    setJoined(null);
    setConfirming(null);
    setActionError(null);
    setDraft('');
  }, [chat.conversationId]);

  const intervene = async (act: Intervention) => {
    setConfirming(null);
    setActionError(null);
    try {
      await api.post(`/api/supervisor/conversations/${encodeURIComponent(chat.conversationId)}/${act}`);
      setJoined(act);
    } catch {
      setActionError(t('console:monitor.interveneFailed'));
    }
  };

  const send = async (event: Event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setActionError(null);
    try {
      await api.post(`${path}/messages`, { clientMessageId: newClientMessageId(), text });
      setDraft('');
    } catch {
      setActionError(t('console:monitor.sendFailed'));
    }
  };

  useEffect(() => {
    setFrames([]);
    setError(null);
    const client = new AgentSocketClient(agentSocketUrl(window.location), session.token, {
      onFrame: (frame) => {
        if (frame.type === 'error' && (frame.conversationId === chat.conversationId || !frame.conversationId)) setError(frame.code);
        else setFrames((previous) => addMonitoredFrame(previous, chat.conversationId, frame));
      },
      resumePoints: () => ({ [chat.conversationId]: lastSeq(framesRef.current) }),
      onStatus: setStatus,
      onSignedOut,
    });
    client.start();
    return () => client.stop();
  }, [chat.conversationId, session.token]);

  useEffect(() => heading.current?.focus(), [chat.conversationId]);
  // Before the paint: the row above never shows an older state than the transcript below.
  useLayoutEffect(() => onFrames?.(frames), [frames]);

  const messages = useMemo(() => threadEntries(frames), [frames]);
  return (
    <section class="console-monitor" data-testid="monitor-panel" data-conversation-id={chat.conversationId} aria-labelledby="monitor-title">
      <header class="console-monitor-header">
        <h2 id="monitor-title" tabIndex={-1} ref={heading}>
          {t('console:monitor.title', { name: chat.customerName ?? t('console:chats.anonymous') })}
        </h2>
        <span class="muted" data-testid="monitor-status" data-status={status}>
          {t(joined ? `console:monitor.joined.${joined}` : 'console:monitor.readOnly')} · {t(`console:connection.${status}`)}
        </span>
        {chat.state === 'CONNECTED' && joined === null && (
          <button type="button" data-testid="monitor-barge-in" onClick={() => setConfirming('barge-in')}>
            {t('console:monitor.bargeIn')}
          </button>
        )}
        {chat.state === 'CONNECTED' && joined !== 'take-over' && (
          <button type="button" data-testid="monitor-take-over" onClick={() => setConfirming('take-over')}>
            {t('console:monitor.takeOver')}
          </button>
        )}
        <button type="button" data-testid="monitor-close" onClick={onClose}>
          {t('console:monitor.close')}
        </button>
      </header>
      {error && (
        <p class="form-error" role="alert" data-testid="monitor-error">
          {t(error === 'NOT_FOUND' ? 'console:monitor.notFound' : 'console:monitor.failed')}
        </p>
      )}
      {actionError && (
        <p class="form-error" role="alert" data-testid="monitor-action-error">
          {actionError}
        </p>
      )}
      <MessageList messages={messages} selfAgentId={session.agentId} />
      {joined && (
        <form class="console-compose" data-testid="monitor-compose" onSubmit={send}>
          <label for="monitor-compose-text">{t('console:monitor.composeLabel')}</label>
          <textarea
            id="monitor-compose-text"
            data-testid="monitor-compose-text"
            rows={2}
            maxLength={1000}
            value={draft}
            onInput={(event) => setDraft((event.target as HTMLTextAreaElement).value)}
          />
          <button type="submit" data-testid="monitor-compose-send" disabled={!draft.trim()}>
            {t('console:monitor.send')}
          </button>
        </form>
      )}
      {confirming && (
        <Dialog
          title={t(`console:monitor.confirm.${confirming}.title`)}
          onClose={() => setConfirming(null)}
          testId="monitor-confirm"
          initialFocus="[data-testid=monitor-confirm-cancel]"
        >
          <p>{t(`console:monitor.confirm.${confirming}.body`, { name: chat.customerName ?? t('console:chats.anonymous') })}</p>
          <div class="lc-dialog-buttons">
            <button type="button" data-testid="monitor-confirm-cancel" onClick={() => setConfirming(null)}>
              {t('console:monitor.cancel')}
            </button>
            <button type="button" data-testid="monitor-confirm-ok" onClick={() => intervene(confirming)}>
              {t(`console:monitor.confirm.${confirming}.ok`)}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
