import { useEffect, useState } from 'preact/hooks';
import { UNAVAILABLE_CODE } from '../shared/unavailable';
import { useT } from '../i18n/preact';
import {
  ConferenceDialog,
  ConversationPane,
  TransferDialog,
  WrapUpDialog,
  type TemplateSelection,
  type TemplateView,
  type TransferTargetView,
  type WrapUpReasonView,
  type WrapUpSubmission,
} from './conversation';
import { cadAttributes, composeDisabledReason, conversationActions, threadEntries, withPending, withSeenMark } from './conversation/adapters';
import type { PendingMessage } from '../shared/pendingMessages';
import { pageIsRead } from '../shared/readReceipts';
import type { DesktopController } from './controller';
import { loadDraft, saveDraft } from './persistence';
import type { Conversation } from './store';

interface TransferTargetsAnswer {
  queues: { id: string; name: string }[];
  agents: { agentId: string; displayName: string | null; activeChats: number; capacity: number }[];
}

export function toTargets(answer: TransferTargetsAnswer): TransferTargetView[] {
  return [
    ...answer.queues.map((q): TransferTargetView => ({ type: 'queue', id: q.id, name: q.name })),
    ...answer.agents.map(
      (a): TransferTargetView => ({
        type: 'agent',
        id: a.agentId,
        name: a.displayName ?? a.agentId,
        activeChats: a.activeChats,
        capacity: a.capacity,
        available: a.activeChats < a.capacity,
      }),
    ),
  ];
}

export interface ConversationAreaProps {
  controller: DesktopController;
  conversation: Conversation;
  agentId: string;
  agentName: string;
  connected: boolean;
  templates: TemplateView[];
  /** This agent's messages of this conversation not acknowledged yet (drawn in the thread until they are). */
  pending: PendingMessage[];
  templateSelection?: TemplateSelection;
  onTemplateSelectionChange: (selection: TemplateSelection) => void;
}

/**
 * The selected conversation: the conversation components fed from the store, their callbacks turned into socket
 * frames and REST commands. Rendered with key = conversation id: a new frame re-renders it, never remounts it,
 * so the draft, the chosen template and an open dialog stay as they are.
 */
export function ConversationArea(props: ConversationAreaProps) {
  const { controller, conversation, agentId } = props;
  const t = useT();
  const id = conversation.id;
  const [draft, setDraft] = useState(() => loadDraft(agentId, id));
  const [dialog, setDialog] = useState<'transfer' | 'conference' | 'wrap-up' | null>(null);
  const [targets, setTargets] = useState<TransferTargetView[]>([]);
  const [targetsState, setTargetsState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const [reasons, setReasons] = useState<WrapUpReasonView[]>([]);
  const [busy, setBusy] = useState(false);

  const names = Object.fromEntries(
    Object.entries(conversation.participants).flatMap(([agent, p]) => (p.name ? [[agent, p.name]] : [])),
  );
  const wrapUpDue = conversation.myState === 'WRAP_UP';

  // Read receipts: the customer's newest message counts as read once shown in this (selected) pane while the
  // window has the focus; "Seen" on the agents' last message the customer has read.
  const lastCustomerSeq = conversation.entries.reduce(
    (last, f) => (f.type === 'message' && f.senderType === 'CUSTOMER' ? Math.max(last, f.seq) : last),
    0,
  );
  // Only once this agent has joined (the gateway refuses a receipt from an offer): right after an accept the pane
  // shows before the assignment comes back, and the receipt then goes out when it does.
  const joined = conversation.myState !== undefined && conversation.myState !== 'OFFERED' && conversation.myState !== 'WITHDRAWN';
  useEffect(() => {
    const markRead = () => {
      if (joined && lastCustomerSeq > 0 && pageIsRead()) controller.markRead(id, lastCustomerSeq);
    };
    markRead();
    window.addEventListener('focus', markRead);
    document.addEventListener('visibilitychange', markRead);
    return () => {
      window.removeEventListener('focus', markRead);
      document.removeEventListener('visibilitychange', markRead);
    };
  }, [id, lastCustomerSeq, joined]);
  const messages = withPending(
    withSeenMark(threadEntries(conversation.entries, names), conversation.customerReadSeq ?? 0),
    props.pending,
    { agentId, agentName: props.agentName },
  );

  useEffect(() => {
    if (dialog !== 'wrap-up' && !wrapUpDue) return;
    controller.api.get<WrapUpReasonView[]>('/api/wrap-up-reasons').then(setReasons, () => setReasons([]));
  }, [dialog === 'wrap-up' || wrapUpDue]);

  const changeDraft = (text: string) => {
    setDraft(text);
    saveDraft(agentId, id, text);
    controller.typing(id, text);
  };

  const loadTargets = () => {
    setTargetsState({ loading: true, error: null });
    controller.api.get<TransferTargetsAnswer>('/api/transfer-targets').then(
      (answer) => {
        setTargets(toTargets(answer));
        setTargetsState({ loading: false, error: null });
      },
      () => setTargetsState({ loading: false, error: t('error.generic') }),
    );
  };

  const openTargets = (kind: 'transfer' | 'conference') => {
    setDialog(kind);
    loadTargets();
  };

  const command = async (path: string, body?: unknown) => {
    setBusy(true);
    const done = await controller.conversationCommand(id, path, body);
    setBusy(false);
    if (done) setDialog(null);
  };

  const submitWrapUp = async (submission: WrapUpSubmission) => {
    setBusy(true);
    // From the customer-ended alert the agent is still in the chat: end it first (both travel in order).
    const stillIn = conversation.myState !== 'WRAP_UP';
    const ended = stillIn ? await controller.conversationCommand(id, '/end') : true;
    const done =
      ended &&
      (await controller.conversationCommand(id, '/wrap-up', {
        reasonCode: submission.reasonCode,
        ...(submission.note.trim() ? { note: submission.note } : {}),
      }));
    setBusy(false);
    if (done) setDialog(null);
  };

  const error = conversation.error
    ? conversation.error.code === UNAVAILABLE_CODE
      ? t('error.SERVICE_UNAVAILABLE')
      : conversation.error.message ?? t('error.generic')
    : null;

  return (
    <>
      {(wrapUpDue || dialog === 'wrap-up') && (
        <WrapUpDialog
          reasons={reasons}
          search={(query) =>
            controller.api.get<WrapUpReasonView[]>(`/api/wrap-up-reasons?search=${encodeURIComponent(query)}`)
          }
          onSubmit={submitWrapUp}
          onCancel={wrapUpDue ? undefined : () => setDialog(null)}
          // A wrap-up that is due sits in its conversation's area, not over the page: the other tabs and a new
          // offer stay usable. Asked from the "customer ended" alert it is a modal step.
          modal={!wrapUpDue}
          openedAt={wrapUpStart(conversation, agentId)}
          busy={busy}
          error={error}
        />
      )}
      <ConversationPane
        conversation={{
          id,
          customerName: conversation.customerName ?? t('offer.unknownCustomer'),
          queueName: conversation.queueName,
          state: conversation.state,
          participantState: conversation.myState,
          proactive: conversation.proactive,
          startedAt: conversation.startedAt,
          cad: cadAttributes(conversation.cad),
          participants: Object.entries(conversation.participants).map(([agent, p]) => ({
            agentId: agent,
            agentName: p.name ?? agent,
            state: p.state,
          })),
        }}
        messages={messages}
        selfAgentId={agentId}
        selfAgentName={props.agentName}
        draft={draft}
        customerTyping={conversation.customerTyping === true}
        onDraftChange={changeDraft}
        onSend={(text) => controller.sendMessage(id, text)}
        onCancelPending={(clientMessageId) => controller.cancelPending(clientMessageId)}
        disabledReason={composeDisabledReason({
          connected: props.connected,
          conversationState: conversation.state,
          participantState: conversation.myState,
        })}
        templates={props.templates}
        templateSelection={props.templateSelection}
        onTemplateSelectionChange={props.onTemplateSelectionChange}
        actions={conversationActions(conversation.myState, conversation.state)}
        onTransfer={() => openTargets('transfer')}
        onConference={() => openTargets('conference')}
        onEndConference={() => command('/conference/end')}
        onEnd={() => command('/end')}
        onWrapUp={() => setDialog('wrap-up')}
        error={error}
        onDismissError={() => controller.dismissError(id)}
      />
      {dialog === 'transfer' && (
        <TransferDialog
          targets={targets}
          loading={targetsState.loading}
          error={targetsState.error}
          onReload={loadTargets}
          busy={busy}
          onCancel={() => setDialog(null)}
          onSubmit={(target) =>
            command('/transfer', { targetType: target.type === 'queue' ? 'QUEUE' : 'AGENT', targetId: target.id })
          }
        />
      )}
      {dialog === 'conference' && (
        <ConferenceDialog
          targets={targets.filter((target) => target.type === 'agent')}
          loading={targetsState.loading}
          error={targetsState.error}
          onReload={loadTargets}
          busy={busy}
          onCancel={() => setDialog(null)}
          onSubmit={(target) => command('/conference', { agentId: target.id })}
        />
      )}
    </>
  );
}

/** When the agent left the chat (the wrap-up timer counts from it). */
function wrapUpStart(conversation: Conversation, agentId: string): string | undefined {
  for (let i = conversation.entries.length - 1; i >= 0; i--) {
    const entry = conversation.entries[i];
    const mine = (entry.type === 'participant' || entry.type === 'conference') && entry.agentId === agentId;
    if (mine && entry.to === 'WRAP_UP') return entry.occurredAt;
  }
  return undefined;
}
