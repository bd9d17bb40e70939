import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useT } from '../../i18n/preact';
import { ApiError, startChat } from '../api';
import { isEmbedded, requestMinimise, type WidgetOptions } from '../embedding';
import { startErrorKey, type PreChatValues } from '../prechat';
import { loadChat, saveChat, saveDraft, type StoredChat } from '../session';
import { ChatView } from './ChatView';
import { PreChat } from './PreChat';

/** The chat page: the pre-chat form until a chat is started, then the chat (reopened after a reload). */
export function App({ options }: { options: WidgetOptions }) {
  const t = useT();
  const [chat, setChat] = useState<StoredChat | null>(loadChat);
  const [firstQuestion, setFirstQuestion] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  useEffect(() => {
    document.title = t('title');
  });

  const start = async (values: PreChatValues) => {
    setStarting(true);
    setStartError(null);
    try {
      const started = await startChat({
        queueId: options.queueId,
        customer: { name: values.name.trim(), email: values.email.trim() },
        attributes: options.pageUrl ? { pageUrl: options.pageUrl.slice(0, 1000) } : {},
      });
      const stored = { ...started, customerName: values.name.trim() };
      saveChat(stored);
      setFirstQuestion(values.question);
      setChat(stored);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'UNKNOWN';
      setStartError(startErrorKey(code));
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
          <ChatView key={chat.conversationId} chat={chat} firstQuestion={firstQuestion} onNewChat={newChat} />
        ) : (
          <PreChat starting={starting} startError={startError} onStart={start} />
        )}
      </main>
    </div>
  );
}
