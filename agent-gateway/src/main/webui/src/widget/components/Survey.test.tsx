import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import type { i18n } from 'i18next';
import { startI18n } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';
import { Survey } from './Survey';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await startI18n(['widget']);
  await i18nInstance.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function survey(responses: Array<{ status: number; body?: unknown }>) {
  const fetchMock = vi.fn(async () => {
    const next = responses.shift() ?? { status: 500 };
    return new Response(next.body === undefined ? '' : JSON.stringify(next.body), { status: next.status });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <I18nProvider i18n={i18nInstance}>
      <Survey conversationId="c-1" token="tok" />
    </I18nProvider>,
  );
  return fetchMock;
}

describe('Survey', () => {
  it('asks for a rating before sending', async () => {
    const fetchMock = survey([]);
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(screen.getByTestId('survey-error').textContent).toBe('Please choose a rating from 1 to 5 stars.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the rating and comment once, then thanks the customer', async () => {
    const fetchMock = survey([{ status: 202, body: { commandId: 'x' } }]);
    fireEvent.click(screen.getByTestId('survey-rating-4'));
    fireEvent.input(screen.getByTestId('survey-comment'), { target: { value: 'Quick and kind' } });
    fireEvent.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(screen.getByTestId('survey-thanks').textContent).toBe('Thank you for your feedback!'));
    expect(screen.queryByTestId('survey-submit')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/chats/c-1/survey');
    expect(JSON.parse(init.body as string)).toEqual({ rating: 4, comment: 'Quick and kind' });
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('treats a chat already rated as done and keeps the form after a failure', async () => {
    survey([{ status: 500 }, { status: 409, body: { code: 'SURVEY_ALREADY_SUBMITTED' } }]);
    fireEvent.click(screen.getByTestId('survey-rating-2'));
    fireEvent.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(screen.getByTestId('survey-error').textContent).toBe(
      'Your rating could not be sent. Please try again.'));
    fireEvent.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(screen.getByTestId('survey-thanks')).toBeTruthy());
  });

  it('stops the comment at 1000 characters', () => {
    survey([]);
    const input = screen.getByTestId('survey-comment') as HTMLTextAreaElement;
    fireEvent.input(input, { target: { value: 'c'.repeat(1200) } });
    expect(input.value.length).toBe(1000);
  });

  it('has no serious or critical accessibility violation', async () => {
    survey([]);
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
