import axe from 'axe-core';
import { ConversationPane } from './ConversationPane';
import { TransferDialog } from './TargetDialog';
import { renderWithI18n } from './test-support';
import { WrapUpDialog } from './WrapUpDialog';

// jsdom computes no layout, so colour contrast is left to the browser tests (and the commented pairs in
// conversation.css); every other axe rule runs here.
async function violations(container: Element) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

const conversation = {
  id: 'c-1',
  customerName: 'Mélissa Durand',
  queueName: 'Support',
  state: 'CUSTOMER_ENDED',
  proactive: true,
  cad: [{ name: 'email', value: 'm******@gmail.com' }],
};

describe.each(['en', 'fr'])('accessibility (%s)', (language) => {
  it('the pane has no axe violation', async () => {
    const { container } = renderWithI18n(
      <ConversationPane
        conversation={conversation}
        messages={[
          { id: '1', author: 'customer', authorName: 'Mélissa Durand', text: 'Hello\nthere', at: '2026-12-06T10:00:00Z' },
          { id: '2', author: 'system', event: { kind: 'agent-joined', agentName: 'Alice' }, at: '2026-12-06T10:00:01Z' },
          { id: '3', author: 'agent', agentId: 'alice', authorName: 'Alice', text: 'Hi', at: '2026-12-06T10:00:02Z' },
        ]}
        selfAgentId="alice"
        selfAgentName="Alice"
        draft="<draft"
        onDraftChange={() => {}}
        onSend={() => {}}
        disabledReason="customer-ended"
        templates={[{ id: 't', name: 'Greeting', body: 'Hello <customerName>' }]}
        actions={{ canTransfer: false, canConference: false, inConference: true, canEnd: true }}
        onTransfer={() => {}}
        onConference={() => {}}
        onEndConference={() => {}}
        onEnd={() => {}}
        onWrapUp={() => {}}
        error="Oops"
      />,
      language,
    );
    expect(await violations(container)).toEqual([]);
  });

  it('the dialogs have no axe violation', async () => {
    const { container } = renderWithI18n(
      <>
        <TransferDialog
          targets={[{ type: 'queue', id: 'sales', name: 'Sales' }]}
          onReload={() => {}}
          onSubmit={() => {}}
          onCancel={() => {}}
        />
        <WrapUpDialog reasons={[{ code: 'R', label: 'Resolved' }]} onSubmit={() => {}} onCancel={() => {}} />
      </>,
      language,
    );
    expect(await violations(container)).toEqual([]);
  });
});
