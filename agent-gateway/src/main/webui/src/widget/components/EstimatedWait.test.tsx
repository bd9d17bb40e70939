import { render, screen } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { startI18n } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';
import { EstimatedWait, estimatedWaitMinutes } from './EstimatedWait';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await startI18n(['widget']);
});

describe('estimatedWaitMinutes', () => {
  it('rounds up to whole minutes and never says 0', () => {
    expect(estimatedWaitMinutes(0)).toBe(1);
    expect(estimatedWaitMinutes(60)).toBe(1);
    expect(estimatedWaitMinutes(61)).toBe(2);
    expect(estimatedWaitMinutes(240)).toBe(4);
  });
});

describe.each([
  ['en', '(about 4 min)'],
  ['fr', '(environ 4 min)'],
])('EstimatedWait (%s)', (language, text) => {
  it('shows about N min, and nothing without an estimate', async () => {
    await i18nInstance.changeLanguage(language);
    const { rerender } = render(
      <I18nProvider i18n={i18nInstance}>
        <EstimatedWait seconds={230} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('estimated-wait').textContent?.trim()).toBe(text);
    rerender(
      <I18nProvider i18n={i18nInstance}>
        <EstimatedWait seconds={null} />
      </I18nProvider>,
    );
    expect(screen.queryByTestId('estimated-wait')).toBeNull();
  });
});
