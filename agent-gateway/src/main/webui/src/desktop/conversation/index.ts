// The agent desktop's conversation pane: pure components (props in, callbacks out). See docs/frontend.md,
// "Conversation pane", for how the shell wires them.
import './conversation.css';

export * from './types';
export { ActionsBar, type ActionsBarProps, type ConversationActions } from './ActionsBar';
export { CustomerEndedAlert, InterruptedAlert, ErrorBanner, type AlertProps } from './Alerts';
export { CadPanel, type CadPanelProps } from './CadPanel';
export { Compose, type ComposeProps, type ComposeProblem } from './Compose';
export { ConversationPane, type ConversationPaneProps } from './ConversationPane';
export { Dialog, type DialogProps } from './Dialog';
export { MessageList, type MessageListProps } from './MessageList';
export { TemplatePicker, type TemplatePickerProps } from './TemplatePicker';
export { TransferDialog, ConferenceDialog, type TargetDialogProps } from './TargetDialog';
export { WrapUpDialog, type WrapUpDialogProps, MAX_NOTE_LENGTH } from './WrapUpDialog';
export { fillTemplate, templateParameters } from './templates';
export { appendToDraft, codePointLength, counterLevel, formatDuration, MAX_MESSAGE_LENGTH, WARNING_FROM } from './text';
export { threadEntries, cadAttributes, composeDisabledReason, conversationActions, type ThreadFrame } from './adapters';
