import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MessageList, threadEntries } from '../desktop/conversation';
import type { Session } from '../desktop/persistence';
import { AgentSocketClient, agentSocketUrl } from '../desktop/socket';
import type { ConnectionStatus } from '../desktop/store';
import { useT } from '../i18n/preact';
import { addMonitoredFrame, lastSeq, type MonitoredFrame } from './monitor';
import type { LiveChat } from './overview';

/**
 * A read-only transcript of any live conversation: the supervisor's own agent socket sends `resume` for it (the
 * gateway audits the monitor, replays the masked frames, then pushes new ones live); nothing can be sent from here.
 */
export function Monitor({ session, chat, onClose, onSignedOut }: { session: Session; chat: LiveChat; onClose: () => void; onSignedOut: () => void }) {
  const t = useT();
  const [frames, setFrames] = useState<readonly MonitoredFrame[]>([]);
  const [status, setStatus] = useState<ConnectionStatus>('reconnecting');
  const [error, setError] = useState<string | null>(null);
  const framesRef = useRef(frames);
  framesRef.current = frames;
  const heading = useRef<HTMLHeadingElement>(null);

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

  const messages = useMemo(() => threadEntries(frames), [frames]);
  return (
    <section class="console-monitor" data-testid="monitor-panel" data-conversation-id={chat.conversationId} aria-labelledby="monitor-title">
      <header class="console-monitor-header">
        <h2 id="monitor-title" tabIndex={-1} ref={heading}>
          {t('console:monitor.title', { name: chat.customerName ?? t('console:chats.anonymous') })}
        </h2>
        <span class="muted" data-testid="monitor-status" data-status={status}>
          {t('console:monitor.readOnly')} · {t(`console:connection.${status}`)}
        </span>
        <button type="button" data-testid="monitor-close" onClick={onClose}>
          {t('console:monitor.close')}
        </button>
      </header>
      {error && (
        <p class="form-error" role="alert" data-testid="monitor-error">
          {t(error === 'NOT_FOUND' ? 'console:monitor.notFound' : 'console:monitor.failed')}
        </p>
      )}
      <MessageList messages={messages} selfAgentId={session.agentId} />
    </section>
  );
}
