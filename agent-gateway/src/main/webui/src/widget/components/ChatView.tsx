import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { RemoteTyping, TypingNotifier } from '../../shared/typing';
import { ReadNotifier, pageIsRead } from '../../shared/readReceipts';
import { useT } from '../../i18n/preact';
import { endChat } from '../api';
import { ChatConnection } from '../connection';
import { newMessageId } from '../ids';
import { isUnavailable, UnavailableRetries } from '../../shared/unavailable';
import type { OfflineValues } from '../offline';
import { loadDraft, loadPending, saveDraft, savePending, type StoredChat } from '../session';
import { serialisePending } from '../../shared/pendingMessages';
import { initialState, reduce, status, UNAVAILABLE_KEY, unsent, visibleEntries } from '../state';
import { Compose } from './Compose';
import { EndDialog } from './EndDialog';
import { EstimatedWait } from './EstimatedWait';
import { InactivityWarning } from './InactivityWarning';
import { LeaveMessage } from './LeaveMessage';
import { NoAgentNotice } from './NoAgentNotice';
import { Survey } from './Survey';
import { Thread } from './Thread';
import { TypingBubble } from './TypingBubble';

interface Props {
  chat: StoredChat;
  /** The first question of the pre-chat form, sent once the socket is up. */
  firstQuestion: string | null;
  onNewChat(): void;
  /** Leaves a message in the chat's queue (offered once the queue's maximum wait ended the chat). */
  onLeaveMessage(values: OfflineValues): Promise<void>;
}

/** An open (or ended) chat: status, queue position while waiting, the thread, compose and End chat. */
export function ChatView({ chat, firstQuestion, onNewChat, onLeaveMessage }: Props) {
  const t = useT();
  // Messages left unsent by a reload are shown at once and go again after the first `resumed` (onResumed).
  const [state, dispatch] = useReducer(reduce, chat.conversationId, (id) => initialState(id, loadPending()));
  const [draft, setDraft] = useState(loadDraft);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const connection = useRef<ChatConnection | null>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const [agentTyping, setAgentTyping] = useState(false);
  const remoteTyping = useRef<RemoteTyping | null>(null);
  const typingNotifier = useRef<TypingNotifier | null>(null);
  const [agentReadSeq, setAgentReadSeq] = useState(0);
  const readNotifier = useRef<ReadNotifier | null>(null);
  const cancelRetry = useRef<(clientMessageId: string) => void>(() => undefined);

  const sendMessage = (text: string) => {
    const clientMessageId = newMessageId();
    dispatch({ type: 'sending', clientMessageId, text, at: new Date().toISOString() });
    connection.current?.send(clientMessageId, text); // not open: sent again after the reconnect's replay
    typingNotifier.current?.stop();
  };

  useEffect(() => {
    const remote = new RemoteTyping(setAgentTyping);
    remoteTyping.current = remote;
    // A dependency down (SERVICE_UNAVAILABLE): the same message, same clientMessageId, again after the delay.
    const retries = new UnavailableRetries((clientMessageId) => {
      const pending = unsent(stateRef.current).find((m) => m.clientMessageId === clientMessageId);
      if (!pending) return; // echoed or cancelled meanwhile
      dispatch({ type: 'retrying', clientMessageId });
      live.send(pending.clientMessageId, pending.text); // not open: the reconnect's replay sends it
    });
    cancelRetry.current = (clientMessageId) => retries.succeeded(clientMessageId);
    const live = new ChatConnection(chat.conversationId, chat.token, {
      onFrame: (frame) => {
        if (frame.type === 'typing') {
          remote.signal(frame.typing);
          return;
        }
        if (frame.type === 'messages-read') {
          setAgentReadSeq((seq) => Math.max(seq, frame.upToSeq));
          return;
        }
        if (frame.type === 'hello' && frame.agentReadSeq) {
          const read = frame.agentReadSeq;
          setAgentReadSeq((seq) => Math.max(seq, read));
        }
        if (frame.type === 'message' && frame.senderType === 'AGENT') remote.signal(false);
        if (frame.type === 'message' && frame.senderType === 'CUSTOMER') retries.succeeded(frame.messageId);
        if (frame.type === 'error' && frame.correlationId && isUnavailable(frame.code, frame.status)) {
          const delay = retries.failed(frame.correlationId);
          const retryAt = delay === null ? undefined : Date.now() + delay;
          dispatch({ type: 'send-failed', clientMessageId: frame.correlationId, code: frame.code, retryAt });
          return;
        }
        dispatch({ type: 'frame', frame });
      },
      onOpenChange: (open) => dispatch({ type: 'socket', open }),
      onResumed: () => unsent(stateRef.current).forEach((m) => live.send(m.clientMessageId, m.text)),
      lastSeq: () => stateRef.current.lastSeq,
      chatEnded: () => stateRef.current.phase === 'ended',
    });
    connection.current = live;
    const notifier = new TypingNotifier((typing) => live.typing(typing));
    typingNotifier.current = notifier;
    const reads = new ReadNotifier((seq) => live.read(seq));
    readNotifier.current = reads;
    if (firstQuestion?.trim()) sendMessage(firstQuestion);
    live.connect();
    return () => {
      notifier.dispose();
      reads.dispose();
      remote.dispose();
      retries.stop();
      live.close();
    };
  }, [chat.conversationId]);

  // What still waits is kept for a reload (compared as stored, so a re-render writes nothing).
  const pendingStored = serialisePending(unsent(state));
  useEffect(() => savePending(unsent(stateRef.current)), [pendingStored]);

  const cancelPending = (clientMessageId: string) => {
    cancelRetry.current(clientMessageId);
    dispatch({ type: 'cancel', clientMessageId });
  };

  useEffect(() => {
    if (state.phase === 'ended') {
      typingNotifier.current?.stop();
      remoteTyping.current?.signal(false);
      connection.current?.close();
    }
  }, [state.phase]);

  // Read receipts: the newest agent message counts as read once shown while the widget has the focus.
  const lastAgentSeq = state.entries.reduce(
    (last, e) => (e.kind === 'message' && e.author === 'agent' && e.seq !== null ? Math.max(last, e.seq) : last),
    0,
  );
  useEffect(() => {
    const markRead = () => {
      if (lastAgentSeq > 0 && pageIsRead()) readNotifier.current?.seen(lastAgentSeq);
    };
    markRead();
    window.addEventListener('focus', markRead);
    document.addEventListener('visibilitychange', markRead);
    return () => {
      window.removeEventListener('focus', markRead);
      document.removeEventListener('visibilitychange', markRead);
    };
  }, [lastAgentSeq]);

  const shown = status(state);
  const ended = state.phase === 'ended';
  const agent = state.agents[state.agents.length - 1];
  const timedOut = ended && state.entries.some((e) => e.kind === 'event' && e.event === 'ended' && e.reason === 'queue-timeout');

  const confirmEnd = async () => {
    setConfirmingEnd(false);
    dispatch({ type: 'end-requested' });
    try {
      await endChat(chat.conversationId, chat.token);
    } catch {
      dispatch({ type: 'error', key: 'error.endFailed' });
      endButton.current?.focus();
    }
  };

  return (
    <section class="chat" aria-labelledby="chat-status">
      <div class="status-bar">
        <p id="chat-status" class="status" data-testid="chat-status" data-status={shown} role="status">
          {shown === 'connected'
            ? agent
              ? t('status.connected', { agent })
              : t('status.connectedNoName')
            : t(`status.${shown}`)}
        </p>
        {ended ? (
          <button type="button" class="primary" data-testid="chat-new" onClick={onNewChat}>
            {t('end.newChat')}
          </button>
        ) : (
          <button type="button" ref={endButton} data-testid="chat-end" onClick={() => setConfirmingEnd(true)}>
            {t('end.button')}
          </button>
        )}
      </div>
      {state.phase === 'waiting' && (
        <div class="waiting">
          {state.queuePosition !== null && (
            <p data-testid="queue-position" class="queue-position">
              {t('queuePosition', { position: state.queuePosition })}
              <EstimatedWait seconds={state.estimatedWaitSeconds} />
            </p>
          )}
          {state.noAgentNotice ? (
            <NoAgentNotice text={state.noAgentNotice.text} />
          ) : (
            <p data-testid="waiting-notice">{t('waitingNotice')}</p>
          )}
        </div>
      )}
      <Thread entries={visibleEntries(state)} readSeq={agentReadSeq} onCancelPending={cancelPending} />
      {!ended && state.inactivityEndsAt && (
        <InactivityWarning endsAt={state.inactivityEndsAt} onStay={() => sendMessage(t('inactivity.stayMessage'))} />
      )}
      {agentTyping && !ended && <TypingBubble />}
      {ended && state.entries.some((e) => e.kind === 'event' && e.event === 'joined') && (
        <Survey conversationId={chat.conversationId} token={chat.token} />
      )}
      {timedOut && (
        <LeaveMessage initial={{ name: chat.customerName ?? '', contact: chat.contact ?? '' }} onSend={onLeaveMessage} />
      )}
      {!ended && (
        <Compose
          draft={draft}
          disabled={ended}
          error={state.error && state.error.key !== UNAVAILABLE_KEY ? t(state.error.key, state.error.values) : null}
          notice={state.error?.key === UNAVAILABLE_KEY ? t(UNAVAILABLE_KEY) : null}
          onDraft={(text) => {
            setDraft(text);
            saveDraft(text);
            typingNotifier.current?.keystroke(!text.trim());
          }}
          onSend={(text) => {
            sendMessage(text);
            setDraft('');
            saveDraft('');
          }}
        />
      )}
      {confirmingEnd && (
        <EndDialog
          onConfirm={confirmEnd}
          onCancel={() => {
            setConfirmingEnd(false);
            endButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}
