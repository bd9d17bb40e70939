import { fireEvent, screen } from '@testing-library/preact';
import { ConferenceDialog, TransferDialog } from './TargetDialog';
import { renderWithI18n } from './test-support';
import type { TransferTargetView } from './types';

const TARGETS: TransferTargetView[] = [
  { type: 'queue', id: 'support', name: 'Support' },
  { type: 'queue', id: 'sales', name: 'Sales' },
  { type: 'agent', id: 'bob', name: 'Bob Durand', activeChats: 1, capacity: 3 },
  { type: 'agent', id: 'carol', name: 'Carol Petit', activeChats: 0, capacity: 2 },
  { type: 'agent', id: 'dan', name: 'Dan Full', activeChats: 2, capacity: 2, available: false },
];

const targetIds = (kind = 'transfer') => screen.queryAllByTestId(`${kind}-target`).map((t) => t.dataset.targetId);
const target = (id: string, kind = 'transfer') =>
  screen.getAllByTestId(`${kind}-target`).find((t) => t.dataset.targetId === id)!.querySelector('input')!;
const submit = (kind = 'transfer') => screen.getByTestId(`${kind}-submit`) as HTMLButtonElement;
const mode = (value: string) => fireEvent.change(screen.getByTestId('transfer-mode'), { target: { value } });
const search = (value: string, kind = 'transfer') => fireEvent.input(screen.getByTestId(`${kind}-search`), { target: { value } });

function renderTransfer(overrides: Partial<Parameters<typeof TransferDialog>[0]> = {}) {
  const props = { targets: TARGETS, onReload: vi.fn(), onSubmit: vi.fn(), onCancel: vi.fn(), ...overrides };
  const view = renderWithI18n(<TransferDialog {...props} />);
  return { ...props, view };
}

describe('TransferDialog', () => {
  it('lists queues, then agents with their availability; Submit waits for a choice', () => {
    const { onSubmit } = renderTransfer();
    expect(targetIds()).toEqual(['support', 'sales']);
    expect(submit().disabled).toBe(true);
    mode('agent');
    expect(targetIds()).toEqual(['bob', 'carol', 'dan']);
    expect(screen.getByTestId('transfer-dialog').textContent).toContain('Available, 1/3 chats');
    expect(target('dan').disabled).toBe(true);
    fireEvent.click(target('carol'));
    expect(submit().disabled).toBe(false);
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith(TARGETS[3]);
  });

  it('filters by the search and unchooses a target the search hides', () => {
    const { onSubmit } = renderTransfer();
    fireEvent.click(target('sales'));
    search('supp');
    expect(targetIds()).toEqual(['support']);
    expect(submit().disabled).toBe(true);
    search('');
    expect(target('sales').checked).toBe(false);
    fireEvent.submit(submit().form!);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps the choice across a reload that still lists it, drops it otherwise', () => {
    const { onReload, view, onSubmit, onCancel } = renderTransfer();
    fireEvent.click(target('support'));
    fireEvent.click(screen.getByTestId('transfer-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    const rerender = (targets: TransferTargetView[]) =>
      view.rerender(<TransferDialog targets={targets} onReload={onReload} onSubmit={onSubmit} onCancel={onCancel} />);
    rerender([...TARGETS]);
    expect(target('support').checked).toBe(true);
    rerender(TARGETS.filter((t) => t.id !== 'support'));
    expect(submit().disabled).toBe(true);
    rerender([...TARGETS]);
    expect(target('support').checked).toBe(false);
  });

  it('cancels with the button or Escape', () => {
    const { onCancel } = renderTransfer();
    fireEvent.click(screen.getByTestId('dialog-cancel'));
    fireEvent.keyDown(screen.getByTestId('transfer-mode'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});

describe('ConferenceDialog', () => {
  it('offers agents only and submits the chosen one', () => {
    const onSubmit = vi.fn();
    renderWithI18n(<ConferenceDialog targets={TARGETS} onReload={() => {}} onSubmit={onSubmit} onCancel={() => {}} />, 'fr');
    expect(screen.getByRole('dialog', { name: 'Demande de conférence' })).not.toBeNull();
    expect(screen.queryByTestId('transfer-mode')).toBeNull();
    expect(targetIds('conference')).toEqual(['bob', 'carol', 'dan']);
    expect(document.activeElement).toBe(screen.getByTestId('conference-search'));
    search('bob', 'conference');
    fireEvent.click(target('bob', 'conference'));
    fireEvent.click(submit('conference'));
    expect(onSubmit).toHaveBeenCalledWith(TARGETS[2]);
    expect(submit('conference').textContent).toBe('Conférence');
  });
});
