import { act, fireEvent, screen } from '@testing-library/preact';
import { renderWithI18n } from './test-support';
import type { WrapUpReasonView, WrapUpSubmission } from './types';
import { WrapUpDialog } from './WrapUpDialog';

const REASONS: WrapUpReasonView[] = [
  { code: 'NO_ANSWER', label: 'Customer did not respond' },
  { code: 'RESOLVED', label: 'Resolved' },
  { code: 'RESOLVED_PARTLY', label: 'Partly resolved' },
  { code: 'SALES', label: 'Sales question' },
];

const options = () => screen.queryAllByTestId('wrapup-option');
const optionCodes = () => options().map((option) => option.dataset.reasonId);
const submit = () => screen.getByTestId('wrapup-submit') as HTMLButtonElement;
const selectedText = () => screen.getByTestId('wrapup-selected').textContent;
const option = (code: string) => options().find((element) => element.dataset.reasonId === code)!;
const search = (query: string) => fireEvent.input(screen.getByTestId('wrapup-search'), { target: { value: query } });

/** The gateway's search, answering only when the test says so (in any order). */
function deferredSearch() {
  const pending: { query: string; resolve: (reasons: WrapUpReasonView[]) => void }[] = [];
  const fn = (query: string) => new Promise<WrapUpReasonView[]>((resolve) => pending.push({ query, resolve }));
  const answer = async (query: string) => {
    const index = pending.findIndex((request) => request.query === query);
    const [request] = pending.splice(index, 1);
    const needle = query.toLowerCase();
    await act(async () => {
      request.resolve(REASONS.filter((r) => r.code.toLowerCase().includes(needle) || r.label.toLowerCase().includes(needle)));
    });
  };
  return { fn, pending, answer };
}

describe('WrapUpDialog', () => {
  it('starts with nothing selected and Submit disabled', () => {
    renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={() => {}} />);
    expect(optionCodes()).toEqual(REASONS.map((r) => r.code));
    expect(options().every((o) => o.getAttribute('aria-selected') === 'false')).toBe(true);
    expect(selectedText()).toBe('');
    expect(submit().disabled).toBe(true);
    expect(screen.getByRole('dialog').getAttribute('aria-modal')).toBe('true');
  });

  it('submits the reason shown as selected, with the note', () => {
    const onSubmit = vi.fn();
    renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={onSubmit} />);
    fireEvent.click(option('SALES'));
    expect(option('SALES').getAttribute('aria-selected')).toBe('true');
    expect(selectedText()).toBe('Sales question');
    fireEvent.input(screen.getByTestId('wrapup-note'), { target: { value: ' Wants a quote\n' } });
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({ reasonCode: 'SALES', reasonLabel: 'Sales question', note: 'Wants a quote' });
  });

  it('typing "Resol" unselects a reason it hides: Submit cannot record "Customer did not respond"', () => {
    const onSubmit = vi.fn();
    renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={onSubmit} />);
    fireEvent.click(option('NO_ANSWER'));
    search('Resol');
    expect(optionCodes()).toEqual(['RESOLVED', 'RESOLVED_PARTLY']);
    expect(selectedText()).toBe('');
    expect(submit().disabled).toBe(true);
    fireEvent.submit(submit().form!);
    expect(onSubmit).not.toHaveBeenCalled();
    search(''); // the hidden reason comes back, still not chosen
    expect(option('NO_ANSWER').getAttribute('aria-selected')).toBe('false');
    expect(submit().disabled).toBe(true);
  });

  it('keeps a selection the search still shows', () => {
    const onSubmit = vi.fn();
    renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={onSubmit} />);
    fireEvent.click(option('RESOLVED'));
    search('resol');
    expect(selectedText()).toBe('Resolved');
    fireEvent.click(submit());
    expect(onSubmit.mock.calls[0][0].reasonCode).toBe('RESOLVED');
  });

  it('ignores the answer to an older search that arrives last', async () => {
    const gateway = deferredSearch();
    renderWithI18n(<WrapUpDialog reasons={REASONS} search={gateway.fn} onSubmit={() => {}} />);
    search('s');
    search('sales');
    await gateway.answer('sales');
    expect(optionCodes()).toEqual(['SALES']);
    await gateway.answer('s'); // older and broader: must not replace the list
    expect(optionCodes()).toEqual(['SALES']);
  });

  it('ignores an older, narrower answer that arrives after the newer one', async () => {
    const gateway = deferredSearch();
    renderWithI18n(<WrapUpDialog reasons={REASONS} search={gateway.fn} onSubmit={() => {}} />);
    search('sales');
    search('s'); // the agent erased back to "s"
    await gateway.answer('s');
    expect(optionCodes()).toEqual(['NO_ANSWER', 'RESOLVED', 'RESOLVED_PARTLY', 'SALES']);
    await gateway.answer('sales');
    expect(optionCodes()).toEqual(['NO_ANSWER', 'RESOLVED', 'RESOLVED_PARTLY', 'SALES']);
  });

  it('unselects a reason a newer answer no longer has', async () => {
    const gateway = deferredSearch();
    renderWithI18n(<WrapUpDialog reasons={REASONS} search={gateway.fn} onSubmit={() => {}} />);
    search('re');
    await gateway.answer('re');
    fireEvent.click(option('RESOLVED'));
    search('res');
    expect(selectedText()).toBe('Resolved'); // still shown while the answer is on its way
    await act(async () => {
      gateway.pending.pop()!.resolve([REASONS[2]]); // the reason was deleted meanwhile
    });
    expect(optionCodes()).toEqual(['RESOLVED_PARTLY']);
    expect(selectedText()).toBe('');
    expect(submit().disabled).toBe(true);
  });

  it('never submits a reason other than the one shown, whatever the order of clicks, typing and answers', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n; // the high bits: the low bits of this generator cycle fast
    };
    const queries = ['', 'r', 're', 'resol', 'sales', 'x', 'cust', 'part'];
    for (let run = 0; run < 20; run++) {
      const gateway = deferredSearch();
      const onSubmit = vi.fn<(s: WrapUpSubmission) => void>();
      const view = renderWithI18n(<WrapUpDialog reasons={REASONS} search={gateway.fn} onSubmit={onSubmit} />);
      for (let step = 0; step < 12; step++) {
        const action = random(3);
        if (action === 0 && options().length > 0) fireEvent.click(options()[random(options().length)]);
        else if (action === 1) search(queries[random(queries.length)]);
        else if (gateway.pending.length > 0) await gateway.answer(gateway.pending[random(gateway.pending.length)].query);
        const shown = selectedText();
        if (!submit().disabled) {
          fireEvent.click(submit());
          const submitted = onSubmit.mock.calls.at(-1)![0];
          expect(submitted.reasonLabel).toBe(shown);
          expect(REASONS.find((r) => r.code === submitted.reasonCode)!.label).toBe(shown);
          expect(option(submitted.reasonCode).getAttribute('aria-selected')).toBe('true');
        } else {
          expect(shown).toBe('');
        }
      }
      view.unmount();
    }
  });

  it('lets the keyboard choose: arrows in the list, Enter in the search only picks a lone result', () => {
    const onSubmit = vi.fn();
    renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={onSubmit} />);
    const input = screen.getByTestId('wrapup-search');
    expect(document.activeElement).toBe(input);
    search('sales');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(selectedText()).toBe('Sales question');
    expect(onSubmit).not.toHaveBeenCalled();
    search('');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const list = screen.getByRole('listbox');
    expect(document.activeElement).toBe(list);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(selectedText()).toBe('Resolved');
  });

  it('says when no reason matches, outside the listbox, which holds options only', () => {
    renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={() => {}} />);
    search('nothing like this');
    const list = screen.getByRole('listbox');
    expect(list.children).toHaveLength(0);
    expect(list.contains(screen.getByTestId('wrapup-empty'))).toBe(false);
  });

  it('shows the time since the wrap-up began', () => {
    vi.useFakeTimers();
    try {
      const opened = Date.now() - 65_000;
      renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={() => {}} openedAt={opened} />);
      expect(screen.getByTestId('wrapup-timer').textContent).toBe('1:05');
      act(() => {
        vi.advanceTimersByTime(2_000);
      });
      expect(screen.getByTestId('wrapup-timer').textContent).toBe('1:07');
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes on Escape only when it may be dismissed', () => {
    const onCancel = vi.fn();
    const view = renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={() => {}} onCancel={onCancel} />);
    fireEvent.keyDown(screen.getByTestId('wrapup-search'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    view.unmount();
    renderWithI18n(<WrapUpDialog reasons={REASONS} onSubmit={() => {}} />, 'fr');
    expect(screen.queryByTestId('dialog-cancel')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Raisons du post-appel' })).not.toBeNull();
    expect(submit().textContent).toBe('Soumettre le post-appel');
  });
});
