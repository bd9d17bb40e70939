import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderWithI18n } from '../desktop/conversation/test-support';
import { ApiError } from '../shared/http';
import type { AdminApi, CodeLabel } from './api';
import { Codes } from './Codes';

// The pages' shared action hook and edit form (common.tsx), through one page that uses both.
function fakeApi() {
  const codes: CodeLabel[] = [{ code: 'BREAK', label: 'Break' }];
  const calls: string[] = [];
  let refuse = true;
  const api = {
    codes: async () => (calls.push('load'), [...codes]),
    putCode: async (_kind: string, code: string, label: string) => {
      calls.push(`put ${code} ${label}`);
      codes.push({ code, label });
      return { code, label };
    },
    deleteCode: async (_kind: string, code: string) => {
      calls.push(`delete ${code}`);
      if (refuse) {
        refuse = false;
        throw new ApiError(409, 'IN_USE', 'This code is in use.');
      }
      codes.splice(codes.findIndex((c) => c.code === code), 1);
    },
  } as unknown as AdminApi;
  return { api, calls };
}

describe('admin actions and edit form', () => {
  it('shows a refusal, clears it when the next action succeeds, and reloads only after a success', async () => {
    const { api, calls } = fakeApi();
    renderWithI18n(<Codes api={api} kind="idleCodes" />, 'en');
    fireEvent.click(await screen.findByTestId('admin-idleCodes-delete-BREAK'));
    expect((await screen.findByTestId('admin-failure')).textContent).toBe('This code is in use.');
    expect(calls).toEqual(['load', 'delete BREAK']);
    fireEvent.click(screen.getByTestId('admin-idleCodes-delete-BREAK'));
    await waitFor(() => expect(screen.queryByTestId('admin-idleCodes-row-BREAK')).toBeNull());
    expect(screen.queryByTestId('admin-failure')).toBeNull();
    expect(calls).toEqual(['load', 'delete BREAK', 'delete BREAK', 'load']);
  });

  it('keeps the form open with its errors until valid, then saves, closes and reloads', async () => {
    const { api, calls } = fakeApi();
    renderWithI18n(<Codes api={api} kind="idleCodes" />, 'fr');
    fireEvent.click(await screen.findByTestId('admin-idleCodes-new'));
    fireEvent.click(screen.getByTestId('admin-idleCodes-save'));
    expect(screen.getByTestId('admin-idleCodes-code').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual(['load']);
    fireEvent.input(screen.getByTestId('admin-idleCodes-code'), { target: { value: 'LUNCH' } });
    fireEvent.input(screen.getByTestId('admin-idleCodes-label'), { target: { value: 'Déjeuner' } });
    fireEvent.click(screen.getByTestId('admin-idleCodes-save'));
    await waitFor(() => expect(screen.queryByTestId('admin-idleCodes-form')).toBeNull());
    expect(await screen.findByTestId('admin-idleCodes-row-LUNCH')).toBeTruthy();
    expect(calls).toEqual(['load', 'put LUNCH Déjeuner', 'load']);
  });

  it('closes the form on Cancel without sending anything', async () => {
    const { api, calls } = fakeApi();
    renderWithI18n(<Codes api={api} kind="idleCodes" />, 'en');
    fireEvent.click(await screen.findByTestId('admin-idleCodes-new'));
    expect(screen.getByTestId('admin-idleCodes-form').getAttribute('aria-label')).toBe('New entry');
    fireEvent.click(screen.getByTestId('admin-idleCodes-cancel'));
    expect(screen.queryByTestId('admin-idleCodes-form')).toBeNull();
    expect(calls).toEqual(['load']);
  });
});
