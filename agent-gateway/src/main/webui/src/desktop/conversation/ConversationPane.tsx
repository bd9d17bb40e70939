import { useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { ActionsBar, type ConversationActions } from './ActionsBar';
import { CustomerEndedAlert, CustomerInactiveAlert, ErrorBanner, InterruptedAlert } from './Alerts';
import { CadPanel } from './CadPanel';
import { Compose, type ComposeProblem } from './Compose';
import { MessageList } from './MessageList';
import { TemplatePicker } from './TemplatePicker';
import { appendToDraft } from './text';
import type { ComposeDisabledReason, ConversationView, MessageView, TemplateSelection, TemplateView } from './types';

export interface ConversationPaneProps {
  conversation: ConversationView;
  messages: MessageView[];
  selfAgentId: string;
  selfAgentName: string;
  draft: string;
  /** The customer is typing: "Customer is typing…" above the compose box. */
  customerTyping?: boolean;
  onDraftChange: (draft: string) => void;
  onSend: (text: string) => void;
  /** Why nothing can be sent (see Compose); the shell decides (customer ended, reconnecting, wrap-up...). */
  disabledReason?: ComposeDisabledReason | null;
  templates: TemplateView[];
  templateSelection?: TemplateSelection;
  onTemplateSelectionChange?: (selection: TemplateSelection) => void;
  actions: ConversationActions;
  onTransfer: () => void;
  onConference: () => void;
  onEndConference: () => void;
  onEnd: () => void;
  /** Opens the wrap-up (offered by the "customer ended" alert). */
  onWrapUp?: () => void;
  /** A translated error to show in the pane. */
  error?: string | null;
  onDismissError?: () => void;
  /** Cancels one of this agent's messages not sent yet (by its clientMessageId). */
  onCancelPending?: (clientMessageId: string) => void;
}

/**
 * The interaction pane of one conversation, put together from the pane's components. Everything that must
 * survive a new message (draft, chosen template) lives in props or in components that stay mounted: the shell
 * renders it with `key={conversation.id}` so that only switching conversations starts afresh.
 */
export function ConversationPane(props: ConversationPaneProps) {
  const { conversation, draft, onDraftChange } = props;
  const t = useT();
  const input = useRef<HTMLTextAreaElement>(null);
  const [notice, setNotice] = useState<ComposeProblem | null>(null);

  const changeDraft = (next: string) => {
    setNotice(null);
    onDraftChange(next);
  };

  const insertTemplate = (text: string) => {
    const result = appendToDraft(draft, text);
    onDraftChange(result.draft);
    setNotice(result.truncated ? 'truncated' : null);
    input.current?.focus();
  };

  const knownValues: Record<string, string> = {
    customerName: conversation.customerName,
    agentName: props.selfAgentName,
    ...(conversation.queueName ? { queueName: conversation.queueName } : {}),
    ...Object.fromEntries(conversation.cad.map((attribute) => [attribute.name, attribute.value])),
  };

  return (
    <section class="lc-pane" data-testid="conversation-pane" data-conversation-id={conversation.id} aria-label={t('conversation:pane.label', { name: conversation.customerName })}>
      <header class="lc-pane-header">
        <h2 class="lc-pane-title">{conversation.customerName}</h2>
        {conversation.queueName && <span class="lc-pane-queue">{conversation.queueName}</span>}
        <ActionsBar
          {...props.actions}
          onTransfer={props.onTransfer}
          onConference={props.onConference}
          onEndConference={props.onEndConference}
          onEnd={props.onEnd}
        />
      </header>
      <div class="lc-pane-body">
        <div class="lc-pane-main">
          {conversation.state === 'CUSTOMER_ENDED' && <CustomerEndedAlert onAction={props.onWrapUp} />}
          {conversation.participantState === 'WRAP_UP' && props.messages.some((m) => m.event?.kind === 'customer-inactive') && (
            <CustomerInactiveAlert onAction={props.onWrapUp} />
          )}
          {conversation.state === 'INTERRUPTED' && <InterruptedAlert onAction={props.actions.canEnd ? props.onEnd : undefined} />}
          {props.error && <ErrorBanner message={props.error} onDismiss={props.onDismissError} />}
          <MessageList messages={props.messages} selfAgentId={props.selfAgentId} onCancelPending={props.onCancelPending} />
          {props.customerTyping && (
            <p class="lc-typing" data-testid="customer-typing" role="status">
              {t('conversation:typing.customer')}
            </p>
          )}
          <div class="lc-pane-compose">
            <TemplatePicker
              templates={props.templates}
              knownValues={knownValues}
              onInsert={insertTemplate}
              selection={props.templateSelection}
              onSelectionChange={props.onTemplateSelectionChange}
              disabled={!!props.disabledReason && props.disabledReason !== 'reconnecting'}
            />
            <Compose
              draft={draft}
              onDraftChange={changeDraft}
              onSend={props.onSend}
              disabledReason={props.disabledReason}
              notice={notice}
              inputRef={input}
            />
          </div>
        </div>
        <CadPanel conversation={conversation} />
      </div>
    </section>
  );
}
