import { fireEvent, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { Dialog } from './Dialog';
import { renderWithI18n } from './test-support';

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>open</button>
      {open && (
        <Dialog title="Title" onClose={() => setOpen(false)} testId="d">
          <input aria-label="first" />
          <button>last</button>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is a labelled modal that keeps focus inside, closes on Escape and gives focus back', () => {
    renderWithI18n(<Opener />);
    const opener = screen.getByText('open');
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Title' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const first = screen.getByLabelText('first');
    const last = screen.getByText('last');
    expect(document.activeElement).toBe(first);
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: 'Escape' });
    expect(screen.queryByTestId('d')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

describe('Dialog, non-modal', () => {
  it('lets Tab leave and has no backdrop, but still closes on Escape', () => {
    const onClose = vi.fn();
    renderWithI18n(
      <Dialog title="Side" onClose={onClose} modal={false}>
        <button>only</button>
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Side' });
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(dialog.closest('.lc-dialog-backdrop')).toBeNull();
    const only = screen.getByText('only');
    expect(document.activeElement).toBe(only);
    expect(fireEvent.keyDown(only, { key: 'Tab' })).toBe(true); // not prevented: focus may move on
    fireEvent.keyDown(only, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});
