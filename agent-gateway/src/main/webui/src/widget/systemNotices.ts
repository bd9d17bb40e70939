// The conversation service writes its system messages in English (conversation-service SystemMessages). The widget
// shows the customer the same facts in the customer's language: join/leave/end from the structured frames it
// already gets, the other notices it knows by translating them here. A notice it does not know is shown as sent.

/** What the widget makes of a system message's text. */
export type SystemNotice =
  | { kind: 'restates-frame' } // said again by an agent-joined / agent-left / conversation-ended frame: not shown
  | { kind: 'translated'; key: string; values?: Record<string, string> }
  | { kind: 'verbatim' };

const RESTATEMENTS = [
  /^.+ joined the chat$/,
  /^.+ left the chat$/,
  /^The chat has ended\. Thank you for contacting us\.$/,
  /^No agent was available to take your chat\. The chat has ended\.$/,
  /^No agent could take over your chat\. The chat has ended\.$/,
];

export function systemNotice(text: string): SystemNotice {
  if (RESTATEMENTS.some((pattern) => pattern.test(text))) return { kind: 'restates-frame' };
  if (text === 'You are being transferred to another agent. Please wait.') {
    return { kind: 'translated', key: 'notice.transferToAgent' };
  }
  if (text === 'The agent could not take your chat. You are back in the queue.') {
    return { kind: 'translated', key: 'notice.requeued' };
  }
  const toQueue = /^You are being transferred to (.+)\. Please wait for the next available agent\.$/.exec(text);
  if (toQueue) return { kind: 'translated', key: 'notice.transferToQueue', values: { queue: toQueue[1] } };
  return { kind: 'verbatim' };
}
