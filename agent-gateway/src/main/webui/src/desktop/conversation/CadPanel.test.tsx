import { screen } from '@testing-library/preact';
import { CadPanel } from './CadPanel';
import { renderWithI18n } from './test-support';

describe('CadPanel', () => {
  it('shows the customer and every attribute exactly as received, masked values included', () => {
    renderWithI18n(
      <CadPanel
        conversation={{
          id: 'c1',
          customerName: 'Mélissa',
          queueName: 'Support',
          proactive: true,
          cad: [
            { name: 'email', value: 'm******@gmail.com' },
            { name: 'phone', value: '*********7542' },
          ],
        }}
      />,
    );
    const rows = screen.getAllByTestId('cad-attribute');
    const shown = Object.fromEntries(rows.map((row) => [row.dataset.name, row.querySelector('dd')!.textContent]));
    expect(shown).toEqual({
      customerName: 'Mélissa',
      queueName: 'Support',
      proactive: 'Proactive chat',
      email: 'm******@gmail.com',
      phone: '*********7542',
    });
    expect(screen.getByTestId('cad-panel').querySelector('dt')!.textContent).toBe('Name');
  });

  it('says when there is no other attribute', () => {
    renderWithI18n(<CadPanel conversation={{ id: 'c1', customerName: 'Jean', cad: [] }} />, 'fr');
    expect(screen.getByTestId('cad-panel').textContent).toContain('Aucun autre attribut.');
  });
});
