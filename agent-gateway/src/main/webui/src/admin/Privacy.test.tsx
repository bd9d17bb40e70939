import axe from 'axe-core';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderWithI18n } from '../desktop/conversation/test-support';
import type { AdminApi, Erasure } from './api';
import { Privacy } from './Privacy';

function fakeApi() {
  const calls: string[] = [];
  const erasures: Erasure[] = [];
  const api = {
    erasures: async () => [...erasures],
    erase: async (conversationId: string) => {
      calls.push(`erase ${conversationId}`);
      const erasure: Erasure = { erasureId: 'e-1', conversationId, requestedBy: 'admin', requestedAt: '2026-12-06T10:00:00Z', completedAt: null, status: 'REQUESTED' };
      erasures.push(erasure);
      return erasure;
    },
  } as unknown as AdminApi;
  return { api, calls };
}

describe.each(['en', 'fr'])('customer data (%s)', (language) => {
  it('erases only after a confirmation and lists the audited request', async () => {
    const { api, calls } = fakeApi();
    const { container } = renderWithI18n(<Privacy api={api} />, language);
    fireEvent.click(await screen.findByTestId('admin-erasure-erase'));
    expect(screen.getByTestId('admin-erasure-conversation').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('admin-erasure-dialog')).toBeNull();

    fireEvent.input(screen.getByTestId('admin-erasure-conversation'), { target: { value: ' c-42 ' } });
    fireEvent.click(screen.getByTestId('admin-erasure-erase'));
    const message = await screen.findByTestId('admin-erasure-message');
    expect(message.textContent).toMatch(language === 'en' ? /conversation c-42,.*cannot be undone/ : /conversation c-42,.*définitif/);
    expect(calls).toEqual([]);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);

    fireEvent.click(screen.getByTestId('admin-erasure-cancel'));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByTestId('admin-erasure-erase'));
    fireEvent.click(await screen.findByTestId('admin-erasure-confirm'));
    await waitFor(() => expect(calls).toEqual(['erase c-42']));
    expect((await screen.findByTestId('admin-erasure-done')).textContent).toContain('e-1');
    const row = await screen.findByTestId('admin-erasure-row-c-42');
    expect(row.textContent).toContain(language === 'en' ? 'Requested' : 'Demandé');
  });
});
