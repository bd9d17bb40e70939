import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import type { MessageFrame } from './frames';
import { loadDraft, saveDraft } from './persistence';
import type { Conversation } from './store';
import { Thread } from './Thread';

export interface PaneProps {
  agentId: string;
  conversation: Conversation;
  connected: boolean;
  onSend: (text: string) => boolean;
  onEnd: () => void;
}

/**
 * The selected conversation (placeholder until the conversation components are wired): thread, CAD, a compose
 * box whose draft is kept per conversation. Keyed by conversation id, so switching tabs loads that tab's draft.
 */
export function Pane({ agentId, conversation, connected, onSend, onEnd }: PaneProps) {
  const t = useT();
  const [draft, setDraft] = useState(() => loadDraft(agentId, conversation.id));
  const messages = conversation.entries.filter((e): e is MessageFrame => e.type === 'message');
  const canSend = connected && conversation.state === 'CONNECTED' && conversation.myState !== 'WRAP_UP';
  const update = (text: string) => {
    setDraft(text);
    saveDraft(agentId, conversation.id, text);
  };
  const send = () => {
    if (!draft.trim() || !canSend) return;
    if (onSend(draft)) update('');
  };
  return (
    <section class="pane" data-testid="conversation-pane" data-conversation-id={conversation.id}>
      <h2>{conversation.customerName}</h2>
      <div class="cad-panel" data-testid="cad-panel">
        {Object.entries(conversation.cad ?? {}).map(([name, value]) => (
          <div key={name}>
            {name}: {value}
          </div>
        ))}
      </div>
      <Thread messages={messages} label={t('pane.thread')} />
      <textarea
        data-testid="compose-input"
        aria-label={t('pane.compose')}
        value={draft}
        onInput={(e) => update((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            send();
          }
        }}
      />
      <button type="button" data-testid="compose-send" disabled={!canSend || !draft.trim()} onClick={send}>
        {t('pane.send')}
      </button>
      <button type="button" data-testid="end-conversation" onClick={onEnd}>
        {t('pane.end')}
      </button>
    </section>
  );
}
