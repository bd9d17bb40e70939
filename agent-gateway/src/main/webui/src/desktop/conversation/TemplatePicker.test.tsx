import { fireEvent, screen } from '@testing-library/preact';
import { TemplatePicker } from './TemplatePicker';
import { renderWithI18n } from './test-support';
import type { TemplateView } from './types';

const TEMPLATES: TemplateView[] = [
  { id: 'greeting', name: 'Greeting', body: 'Hello <customerName>,\nI am <agentName>.' },
  { id: 'order', name: 'Order status', body: 'Your order <orderId> ships <day>.' },
];

const choose = (id: string) => fireEvent.change(screen.getByTestId('template-select'), { target: { value: id } });
const param = (name: string) =>
  screen.getAllByTestId('template-param').find((input) => input.dataset.name === name) as HTMLInputElement;
const insert = () => screen.getByTestId('template-insert') as HTMLButtonElement;
const preview = () => screen.getByTestId('template-preview');

describe('TemplatePicker', () => {
  it('prefills known parameters and previews the filled text live', () => {
    const onInsert = vi.fn();
    renderWithI18n(<TemplatePicker templates={TEMPLATES} knownValues={{ customerName: 'Mel', agentName: 'Alice' }} onInsert={onInsert} />);
    expect(screen.queryByTestId('template-preview')).toBeNull();
    choose('greeting');
    expect(param('customerName').value).toBe('Mel');
    expect(preview().textContent).toBe('Hello Mel,\nI am Alice.');
    fireEvent.input(param('agentName'), { target: { value: 'Alice M.' } });
    expect(preview().textContent).toBe('Hello Mel,\nI am Alice M..');
    fireEvent.click(insert());
    expect(onInsert).toHaveBeenCalledWith('Hello Mel,\nI am Alice M..');
  });

  it('will not insert a template with a parameter left empty', () => {
    const onInsert = vi.fn();
    renderWithI18n(<TemplatePicker templates={TEMPLATES} knownValues={{ orderId: 'A-42' }} onInsert={onInsert} />);
    choose('order');
    expect(screen.getAllByTestId('template-param').map((input) => input.dataset.name)).toEqual(['orderId', 'day']);
    expect(preview().textContent).toBe('Your order A-42 ships day missing.');
    expect(insert().disabled).toBe(true);
    fireEvent.input(param('day'), { target: { value: 'tomorrow' } });
    expect(insert().disabled).toBe(false);
    fireEvent.input(param('orderId'), { target: { value: '' } });
    expect(insert().disabled).toBe(true);
  });

  it('refuses a value with < or >, which the gateway would refuse', () => {
    renderWithI18n(<TemplatePicker templates={TEMPLATES} knownValues={{ orderId: 'A<42>', day: 'today' }} onInsert={() => {}} />);
    choose('order');
    expect(insert().disabled).toBe(true);
    expect(screen.getByTestId('template-error').textContent).toContain('< or >');
  });
});
