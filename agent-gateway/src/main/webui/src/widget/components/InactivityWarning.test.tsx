import { fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import type { i18n } from 'i18next';
import { startI18n } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';
import { InactivityWarning } from './InactivityWarning';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await startI18n(['widget']);
});

describe.each(['en', 'fr'])('InactivityWarning (%s)', (language) => {
  it('asks whether the customer is still there, says when the chat ends, and offers to stay', async () => {
    await i18nInstance.changeLanguage(language);
    const onStay = vi.fn();
    const { container } = render(
      <I18nProvider i18n={i18nInstance}>
        <InactivityWarning endsAt="2026-12-06T10:05:00Z" onStay={onStay} />
      </I18nProvider>,
    );
    const warning = screen.getByTestId('inactivity-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain(language === 'en' ? 'Are you still there?' : 'Êtes-vous toujours là\u00a0?');
    fireEvent.click(screen.getByTestId('inactivity-stay'));
    expect(onStay).toHaveBeenCalledTimes(1);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
