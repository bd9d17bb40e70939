import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useT } from '../../i18n/preact';
import { ApiError, leaveMessage, queueAvailability, startChat } from '../api';
import { isEmbedded, requestMinimise, type WidgetOptions } from '../embedding';
import { contactOf, offlineErrorKey, type OfflineValues } from '../offline';
import { startErrorKey, type PreChatValues } from '../prechat';
import { loadChat, saveChat, saveDraft, type StoredChat } from '../session';
import { ChatView } from './ChatView';
import { OfflineForm } from './OfflineForm';
import { PreChat } from './PreChat';

/**
 * The chat page: the pre-chat form until a chat is started, then the chat (reopened after a reload). Outside the
 * queue's business hours (asked at load, or learnt from a QUEUE_CLOSED refusal) a message form replaces the pre-chat
 * form; the message is sent as a chat offered at the opening, and a confirmation follows. The same form is offered
 * when the queue's maximum wait ended a chat: the message then waits for the next free agent.
 */
export function App({ options }: { options: WidgetOptions }) {
  const t = useT();
  const [chat, setChat] = useState<StoredChat | null>(loadChat);
  const [firstQuestion, setFirstQuestion] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  /** Null while open (or not known): the pre-chat form. */
  const [closed, setClosed] = useState<{ nextOpening: string | null } | null>(null);
  const [offlineSending, setOfflineSending] = useState(false);
  const [offlineError, setOfflineError] = useState<string | null>(null);
  const [offlineSent, setOfflineSent] = useState(false);
  useEffect(() => {
    document.title = t('title');
  });
  useEffect(() => {
    if (chat) return;
    // Not known (network, unknown queue): the pre-chat form, whose start then says why.
    queueAvailability(options.queueId)
      .then((availability) => setClosed(availability.open ? null : { nextOpening: availability.nextOpening }))
      .catch(() => setClosed(null));
  }, [options.queueId]);

  /** A message left in this queue: a new chat, never ended by the queue's maximum wait. */
  const leave = async (values: OfflineValues): Promise<void> => {
    await leaveMessage({
      queueId: options.queueId,
      customer: { name: values.name.trim(), ...contactOf(values.contact) },
      attributes: options.pageUrl ? { pageUrl: options.pageUrl.slice(0, 1000) } : {},
      offline: true,
      message: values.message.trim(),
    });
  };

  const send = async (values: OfflineValues) => {
    setOfflineSending(true);
    setOfflineError(null);
    try {
      await leave(values);
      setOfflineSent(true);
    } catch (error) {
      setOfflineError(offlineErrorKey(error instanceof ApiError ? error.code : 'UNKNOWN'));
    } finally {
      setOfflineSending(false);
    }
  };

  const start = async (values: PreChatValues) => {
    setStarting(true);
    setStartError(null);
    try {
      const started = await startChat({
        queueId: options.queueId,
        customer: { name: values.name.trim(), email: values.email.trim() },
        attributes: options.pageUrl ? { pageUrl: options.pageUrl.slice(0, 1000) } : {},
      });
      const stored = { ...started, customerName: values.name.trim(), contact: values.email.trim() };
      saveChat(stored);
      setFirstQuestion(values.question);
      setChat(stored);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'UNKNOWN';
      if (code === 'QUEUE_CLOSED') setClosed({ nextOpening: null });
      else setStartError(startErrorKey(code));
    } finally {
      setStarting(false);
    }
  };

  const newChat = () => {
    saveChat(null);
    saveDraft('');
    setFirstQuestion(null);
    setChat(null);
  };

  return (
    <div class="widget">
      <header class="widget-header">
        <h1>{t('title')}</h1>
        <LanguageSwitch />
        {isEmbedded() && (
          <button type="button" class="icon" data-testid="widget-minimise" aria-label={t('minimise')} onClick={requestMinimise}>
            <span aria-hidden="true">–</span>
          </button>
        )}
      </header>
      <main class="widget-body">
        {chat ? (
          <ChatView
            key={chat.conversationId}
            chat={chat}
            firstQuestion={firstQuestion}
            onNewChat={newChat}
            onLeaveMessage={leave}
          />
        ) : closed ? (
          <OfflineForm
            nextOpening={closed.nextOpening}
            sending={offlineSending}
            sendError={offlineError}
            sent={offlineSent}
            onSend={send}
          />
        ) : (
          <PreChat starting={starting} startError={startError} onStart={start} />
        )}
      </main>
    </div>
  );
}
