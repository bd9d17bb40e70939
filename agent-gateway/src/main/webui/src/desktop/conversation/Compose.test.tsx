import { fireEvent, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { Compose } from './Compose';
import { renderWithI18n } from './test-support';
import type { ComposeDisabledReason } from './types';

/** Compose with its draft kept the way the shell keeps it (a controlled value). */
function Harness(props: { initial?: string; onSend?: (text: string) => void; disabledReason?: ComposeDisabledReason | null }) {
  const [draft, setDraft] = useState(props.initial ?? '');
  return <Compose draft={draft} onDraftChange={setDraft} onSend={props.onSend ?? (() => {})} disabledReason={props.disabledReason} />;
}

const input = () => screen.getByTestId('compose-input') as HTMLTextAreaElement;
const counter = () => screen.getByTestId('compose-counter');
const send = () => screen.getByTestId('compose-send') as HTMLButtonElement;
const error = () => screen.getByTestId('compose-error');

function type(value: string, caret = value.length) {
  const element = input();
  element.value = value;
  element.setSelectionRange(caret, caret);
  fireEvent.input(element);
}

describe('Compose', () => {
  it('counts n/1000 with the levels ok, warning from 900, limit at 1000', () => {
    renderWithI18n(<Harness />);
    expect(counter().textContent).toBe('0/1000');
    type('x'.repeat(899));
    expect([counter().textContent, counter().dataset.level]).toEqual(['899/1000', 'ok']);
    type('x'.repeat(900));
    expect([counter().textContent, counter().dataset.level]).toEqual(['900/1000', 'warning']);
    expect(screen.getByTestId('compose-level').textContent).toBe('Close to the 1000-character limit');
    type('x'.repeat(1000));
    expect([counter().textContent, counter().dataset.level]).toEqual(['1000/1000', 'limit']);
    expect(screen.getByTestId('compose-level').textContent).toBe('Limit of 1000 characters reached');
    type('x');
    expect(screen.getByTestId('compose-level').textContent).toBe('');
  });

  it('stops at 1000 characters, counting an emoji as one', () => {
    renderWithI18n(<Harness />);
    type('😀'.repeat(1003));
    expect(input().value).toBe('😀'.repeat(1000));
    expect(counter().textContent).toBe('1000/1000');
    expect(input().maxLength).toBe(2000); // 1000 code points of two UTF-16 units each, not one more
    expect(error().hidden).toBe(false);
  });

  it('cuts pasted text at the limit and says so', () => {
    renderWithI18n(<Harness initial={'x'.repeat(995)} />);
    input().setSelectionRange(995, 995);
    fireEvent.paste(input(), { clipboardData: { getData: () => 'abcdefghij' } });
    expect(input().value).toBe('x'.repeat(995) + 'abcde');
    expect(counter().textContent).toBe('1000/1000');
    expect(error().textContent).toContain('at most 1000 characters');
  });

  it('sends on Enter, adds a line on Shift+Enter', () => {
    const onSend = vi.fn();
    renderWithI18n(<Harness onSend={onSend} />);
    type('Hello');
    fireEvent.keyDown(input(), { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    type('Hello\nthere  ');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Hello\nthere');
    expect(input().value).toBe('');
  });

  it('never sends blank text', () => {
    const onSend = vi.fn();
    renderWithI18n(<Harness onSend={onSend} />);
    expect(send().disabled).toBe(true);
    type('  \n  ');
    expect(send().disabled).toBe(true);
    fireEvent.keyDown(input(), { key: 'Enter' });
    fireEvent.click(send());
    expect(onSend).not.toHaveBeenCalled();
    type('ok');
    expect(send().disabled).toBe(false);
    fireEvent.click(send());
    expect(onSend).toHaveBeenCalledWith('ok');
  });

  it('refuses < and > as they are typed, with an inline explanation', () => {
    renderWithI18n(<Harness />);
    expect(error().hidden).toBe(true);
    type('1 ');
    const typed = fireEvent.keyDown(input(), { key: '<' });
    expect(typed).toBe(false); // default prevented: the character never reaches the box
    expect(error().hidden).toBe(false);
    expect(error().textContent).toContain('reserved for template parameters');
  });

  it('takes < and > out of dropped or autocorrected text, keeping the caret', () => {
    renderWithI18n(<Harness />);
    type('a <b> c', 5);
    expect(input().value).toBe('a b c');
    expect(input().selectionStart).toBe(3);
    expect(error().hidden).toBe(false);
  });

  it('says why nothing can be sent and refuses to send', () => {
    const onSend = vi.fn();
    renderWithI18n(<Harness initial="Bye" onSend={onSend} disabledReason="customer-ended" />);
    expect(input().disabled).toBe(true);
    expect(send().disabled).toBe(true);
    expect(screen.getByTestId('compose-disabled-reason').textContent).toContain('The customer has ended the conversation');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('lets the agent type while reconnecting but not send', () => {
    const onSend = vi.fn();
    renderWithI18n(<Harness initial="Draft" onSend={onSend} disabledReason="reconnecting" />);
    expect(input().disabled).toBe(false);
    expect(send().disabled).toBe(true);
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(input().value).toBe('Draft');
  });

  it('speaks French', () => {
    renderWithI18n(<Harness disabledReason="wrap-up" />, 'fr');
    expect(send().textContent).toBe('Envoyer');
    expect(screen.getByLabelText('Réponse')).toBe(input());
  });
});
