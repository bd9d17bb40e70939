import axe from 'axe-core';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderWithI18n } from '../desktop/conversation/test-support';
import type { AdminApi, Queue } from './api';
import { Queues } from './Queues';

const support: Queue = { id: 'support', name: 'Support', strategy: 'LONGEST_AVAILABLE_AGENT', ronaTimeoutSeconds: 30, maxWaitSeconds: null, waitingChats: 1 };

function fakeApi(liveChats: number) {
  const calls: string[] = [];
  const api = {
    queues: async () => (calls.includes('delete support') ? [] : [support]),
    queue: async (id: string) => ({ ...support, id, liveChats }),
    deleteQueue: async (id: string) => void calls.push(`delete ${id}`),
    putQueue: async (id: string, request: unknown) => (calls.push(`put ${id} ${JSON.stringify(request)}`), { ...support, id }),
  } as unknown as AdminApi;
  return { api, calls };
}

describe.each(['en', 'fr'])('queues (%s)', (language) => {
  it('says how many live chats a deletion interrupts before deleting', async () => {
    const { api, calls } = fakeApi(2);
    const { container } = renderWithI18n(<Queues api={api} />, language);
    fireEvent.click(await screen.findByTestId('admin-queue-delete-support'));
    const message = await screen.findByTestId('admin-delete-message');
    expect(message.textContent).toMatch(language === 'en' ? /^2 live chats will be interrupted/ : /^2 conversations en cours seront interrompues/);
    expect(calls).toEqual([]);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);

    fireEvent.click(screen.getByTestId('admin-delete-confirm'));
    await waitFor(() => expect(calls).toEqual(['delete support']));
    await waitFor(() => expect(screen.queryByTestId('admin-queue-row-support')).toBeNull());
  });

  it('shows the form errors and sends nothing until they are fixed', async () => {
    const { api, calls } = fakeApi(0);
    renderWithI18n(<Queues api={api} />, language);
    fireEvent.click(await screen.findByTestId('admin-queue-new'));
    fireEvent.input(screen.getByTestId('admin-queue-rona'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('admin-queue-save'));
    expect(screen.getByTestId('admin-queue-rona').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
    fireEvent.input(screen.getByTestId('admin-queue-id'), { target: { value: 'billing' } });
    fireEvent.input(screen.getByTestId('admin-queue-name'), { target: { value: 'Billing' } });
    fireEvent.input(screen.getByTestId('admin-queue-rona'), { target: { value: '45' } });
    fireEvent.click(screen.getByTestId('admin-queue-save'));
    await waitFor(() =>
      expect(calls).toEqual(['put billing {"name":"Billing","ronaTimeoutSeconds":45,"maxWaitSeconds":null,"strategy":"LONGEST_AVAILABLE_AGENT","waitingNoticeSeconds":null,"waitingNoticeText":null,"inactivityWarningSeconds":null,"inactivityGraceSeconds":null,"businessHours":null}']),
    );
  });

  it('sends the inactivity times back when a queue is edited, so a save never wipes them', async () => {
    const { api, calls } = fakeApi(0);
    const quiet = { ...support, inactivityWarningSeconds: 120, inactivityGraceSeconds: 30 };
    (api as unknown as { queues: () => Promise<Queue[]> }).queues = async () => [quiet];
    renderWithI18n(<Queues api={api} />, language);
    fireEvent.click(await screen.findByTestId('admin-queue-edit-support'));
    expect((screen.getByTestId('admin-queue-inactivity-warning') as HTMLInputElement).value).toBe('120');
    fireEvent.input(screen.getByTestId('admin-queue-inactivity-grace'), { target: { value: '4000' } });
    fireEvent.click(screen.getByTestId('admin-queue-save'));
    expect(screen.getByTestId('admin-queue-inactivity-grace').getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(screen.getByTestId('admin-queue-inactivity-grace'), { target: { value: '45' } });
    fireEvent.click(screen.getByTestId('admin-queue-save'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(JSON.parse(calls[0].slice('put support '.length))).toMatchObject({ inactivityWarningSeconds: 120, inactivityGraceSeconds: 45 });
  });

  it('edits the business hours: zone, a day, holidays; errors said next to the day', async () => {
    const { api, calls } = fakeApi(0);
    const { container } = renderWithI18n(<Queues api={api} />, language);
    fireEvent.click(await screen.findByTestId('admin-queue-new'));
    fireEvent.input(screen.getByTestId('admin-queue-id'), { target: { value: 'night' } });
    fireEvent.input(screen.getByTestId('admin-queue-name'), { target: { value: 'Night' } });
    fireEvent.click(screen.getByTestId('admin-queue-hours-enabled'));
    fireEvent.input(screen.getByTestId('admin-queue-timezone'), { target: { value: 'UTC' } });
    fireEvent.input(screen.getByTestId('admin-hours-SATURDAY-opens'), { target: { value: '22:00' } });
    fireEvent.click(screen.getByTestId('admin-queue-save'));
    expect(screen.getByTestId('admin-hours-SATURDAY-opens').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    fireEvent.input(screen.getByTestId('admin-hours-SATURDAY-closes'), { target: { value: '06:00' } });
    fireEvent.input(screen.getByTestId('admin-queue-holidays'), { target: { value: '2026-12-25' } });
    fireEvent.click(screen.getByTestId('admin-queue-save'));
    await waitFor(() => expect(calls).toHaveLength(1));
    const sent = JSON.parse(calls[0].replace(/^put night /, ''));
    expect(sent.businessHours.timeZone).toBe('UTC');
    expect(sent.businessHours.weekly).toContainEqual({ day: 'SATURDAY', opens: '22:00', closes: '06:00' });
    expect(sent.businessHours.holidays).toEqual(['2026-12-25']);
  });
});
