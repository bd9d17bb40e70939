import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  /** The dialog's title (its accessible name). */
  title: string;
  /** Called on Escape (and by the caller's own Cancel button). */
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
  /** CSS selector of the element to focus first (default: the first focusable element). */
  initialFocus?: string;
  class?: string;
  /**
   * Modal (default): a backdrop over the page, Tab kept inside. Non-modal: no backdrop, Tab may leave (e.g. a
   * wrap-up shown in its conversation's area while the agent works in other tabs); Escape still closes.
   */
  modal?: boolean;
}

/**
 * A modal dialog: role=dialog, aria-modal, labelled by its title; focus moves in on open, Tab and Shift+Tab stay
 * inside, Escape closes, and focus goes back to where it was when the dialog closes (unmounts).
 */
export function Dialog({ title, onClose, children, testId, initialFocus, class: className, modal = true }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = box.current!;
    const first = (initialFocus && root.querySelector<HTMLElement>(initialFocus)) || focusables(root)[0] || root;
    first.focus();
    return () => {
      // the element that opened the dialog may be gone (e.g. the pane re-rendered): then focus stays put
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeRef.current();
    } else if (event.key === 'Tab' && modal) {
      trapTab(event, box.current!);
    }
  };

  return (
    <div class={modal ? 'lc-dialog-backdrop' : 'lc-dialog-inline'}>
      <div
        ref={box}
        class={`lc-dialog ${className ?? ''}`}
        role="dialog"
        aria-modal={modal ? 'true' : undefined}
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} class="lc-dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((element) => !element.hidden);
}

function trapTab(event: KeyboardEvent, root: HTMLElement) {
  const items = focusables(root);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === root)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
