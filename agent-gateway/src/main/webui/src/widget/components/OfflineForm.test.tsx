import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import type { i18n } from 'i18next';
import { startI18n } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';
import { App } from './App';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await startI18n(['widget']);
});
afterEach(() => vi.unstubAllGlobals());

/** The widget against a gateway that says the queue is closed, then takes the message. */
function closedWidget(language: string, availability: unknown) {
  const requests: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      requests.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(init.body as string) : undefined });
      if (url.endsWith('/availability')) return new Response(JSON.stringify(availability), { status: 200 });
      return new Response(JSON.stringify({ conversationId: 'c-1', token: 'tok' }), { status: 201 });
    }),
  );
  return i18nInstance.changeLanguage(language).then(() => {
    const rendered = render(
      <I18nProvider i18n={i18nInstance}>
        <App options={{ queueId: 'support', language: null, pageUrl: null }} />
      </I18nProvider>,
    );
    return { requests, container: rendered.container };
  });
}

const CLOSED = { queueId: 'support', open: false, nextOpening: '2026-12-07T08:00:00Z', timeZone: 'Europe/Paris' };

describe.each(['en', 'fr'])('the message form outside business hours (%s)', (language) => {
  it('replaces the pre-chat form, checks each field, sends the message and confirms', async () => {
    const { requests, container } = await closedWidget(language, CLOSED);
    const form = await screen.findByTestId('offline-form');
    expect(screen.queryByTestId('prechat-submit')).toBeNull();
    expect(screen.getByTestId('offline-opening').textContent).toMatch(language === 'en' ? /^We open again / : /^Nous rouvrons /);
    const violations = (await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations;
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    fireEvent.click(screen.getByTestId('offline-submit'));
    expect(screen.getByTestId('offline-name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('offline-contact').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('offline-message').getAttribute('aria-invalid')).toBe('true');
    expect(form.textContent).toContain(language === 'en' ? 'Please write your message.' : 'Veuillez écrire votre message.');
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.input(screen.getByTestId('offline-name'), { target: { value: 'Jean Dupont' } });
    fireEvent.input(screen.getByTestId('offline-contact'), { target: { value: '+33 6 12 34 56 78' } });
    fireEvent.input(screen.getByTestId('offline-message'), { target: { value: 'Please call me back' } });
    fireEvent.click(screen.getByTestId('offline-submit'));
    const sent = await screen.findByTestId('offline-sent');
    expect(sent.textContent).toContain(language === 'en' ? 'Thank you, your message was sent' : 'Merci, votre message a été envoyé');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.url).toBe('/api/chats');
    expect(post.body).toEqual({
      queueId: 'support',
      customer: { name: 'Jean Dupont', phone: '+33 6 12 34 56 78' },
      attributes: {},
      offline: true,
      message: 'Please call me back',
    });
  });
});

describe('an open queue', () => {
  it('keeps the pre-chat form', async () => {
    await closedWidget('en', { ...CLOSED, open: true, nextOpening: null });
    await waitFor(() => expect(screen.getByTestId('prechat-submit')).toBeTruthy());
    expect(screen.queryByTestId('offline-form')).toBeNull();
  });
});
