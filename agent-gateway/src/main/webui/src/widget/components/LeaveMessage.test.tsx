import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import type { i18n } from 'i18next';
import { startI18n } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';
import { ApiError } from '../api';
import type { OfflineValues } from '../offline';
import { LeaveMessage } from './LeaveMessage';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await startI18n(['widget']);
});

async function renderOffer(language: string, onSend: (values: OfflineValues) => Promise<void>) {
  await i18nInstance.changeLanguage(language);
  return render(
    <I18nProvider i18n={i18nInstance}>
      <LeaveMessage initial={{ name: 'Mona Waiting', contact: 'mona@example.com' }} onSend={onSend} />
    </I18nProvider>,
  );
}

async function seriousViolations(container: Element) {
  const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe.each([
  ['en', 'Leave a message', 'Leave us a message', 'The first agent who is free will read it', 'Please enter an e-mail address'],
  ['fr', 'Laisser un message', 'Laissez-nous un message', 'Le premier conseiller disponible le lira', 'Veuillez saisir une adresse e-mail'],
])('the offer to leave a message after the maximum wait (%s)', (language, button, title, sent, contactInvalid) => {
  it('opens the message form prefilled, focused on the message, sends it and confirms', async () => {
    const onSend = vi.fn(async () => {});
    const { container } = await renderOffer(language, onSend);
    expect(screen.getByTestId('leave-message-open').textContent).toBe(button);
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.click(screen.getByTestId('leave-message-open'));
    const form = screen.getByTestId('offline-form');
    expect(form.querySelector('h2')!.textContent).toBe(title);
    expect(screen.queryByTestId('offline-opening')).toBeNull();
    expect((screen.getByTestId('offline-name') as HTMLInputElement).value).toBe('Mona Waiting');
    expect((screen.getByTestId('offline-contact') as HTMLInputElement).value).toBe('mona@example.com');
    expect(document.activeElement).toBe(screen.getByTestId('offline-message'));
    expect(await seriousViolations(container)).toEqual([]);

    fireEvent.click(screen.getByTestId('offline-submit'));
    expect(screen.getByTestId('offline-message').getAttribute('aria-invalid')).toBe('true');
    expect(onSend).not.toHaveBeenCalled();

    fireEvent.input(screen.getByTestId('offline-message'), { target: { value: 'Please call me back' } });
    fireEvent.click(screen.getByTestId('offline-submit'));
    expect((await screen.findByTestId('offline-sent')).textContent).toContain(sent);
    expect(onSend).toHaveBeenCalledWith({ name: 'Mona Waiting', contact: 'mona@example.com', message: 'Please call me back' });
  });

  it('says why when the gateway refuses the message, and keeps the form', async () => {
    const onSend = vi.fn(async () => {
      throw new ApiError('INVALID_CONTACT', 400);
    });
    await renderOffer(language, onSend);
    fireEvent.click(screen.getByTestId('leave-message-open'));
    fireEvent.input(screen.getByTestId('offline-message'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('offline-submit'));
    await waitFor(() => expect(screen.getByTestId('offline-error').textContent).toContain(contactInvalid));
    expect(screen.queryByTestId('offline-sent')).toBeNull();
  });
});
