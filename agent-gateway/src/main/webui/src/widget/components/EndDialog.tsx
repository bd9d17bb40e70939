import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n/preact';

/** "End this chat?": a modal confirmation; focus stays inside, Escape keeps chatting. */
export function EndDialog({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const t = useT();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);

  const keepFocusInside = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const buttons = [...dialog.current.querySelectorAll<HTMLButtonElement>('button')];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="end-title"
        aria-describedby="end-text"
        data-testid="end-dialog"
        onKeyDown={keepFocusInside}
      >
        <h2 id="end-title">{t('end.confirmTitle')}</h2>
        <p id="end-text">{t('end.confirmText')}</p>
        <div class="actions">
          <button type="button" ref={cancel} data-testid="end-cancel" onClick={onCancel}>
            {t('end.cancel')}
          </button>
          <button type="button" class="danger" data-testid="end-confirm" onClick={onConfirm}>
            {t('end.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
