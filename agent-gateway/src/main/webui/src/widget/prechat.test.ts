import { startErrorKey, validatePreChat } from './prechat';
import { readOptions } from './embedding';
import { systemNotice } from './systemNotices';

describe('the pre-chat form', () => {
  it('says to try again in a moment when the service is unavailable or busy', () => {
    expect(startErrorKey('SERVICE_UNAVAILABLE')).toBe('prechat.unavailable');
    expect(startErrorKey('TOO_MANY_REQUESTS')).toBe('prechat.tooMany');
    expect(startErrorKey('UNKNOWN_QUEUE')).toBe('prechat.unknownQueue');
    expect(startErrorKey('NETWORK')).toBe('prechat.network');
    expect(startErrorKey('INTERNAL')).toBe('prechat.startFailed');
  });

  it('needs a name and an e-mail address that looks like one', () => {
    expect(validatePreChat({ name: ' ', email: '', question: '' })).toEqual({
      name: 'prechat.nameRequired',
      email: 'prechat.emailRequired',
    });
    expect(validatePreChat({ name: 'Claire', email: 'claire@', question: '' })).toEqual({ email: 'prechat.emailInvalid' });
    expect(validatePreChat({ name: 'x'.repeat(201), email: 'c@example.com', question: '' })).toEqual({ name: 'prechat.nameTooLong' });
    expect(validatePreChat({ name: 'Claire', email: 'claire@example.com', question: '' })).toEqual({});
  });
});

describe('the embedding options', () => {
  it('come from the iframe URL the loader builds, with defaults', () => {
    expect(readOptions('?queue=sales&lang=fr&page=https%3A%2F%2Fshop%2Fa', '')).toEqual({
      queueId: 'sales', language: 'fr', pageUrl: 'https://shop/a',
    });
    expect(readOptions('', 'https://shop/b')).toEqual({ queueId: 'support', language: null, pageUrl: 'https://shop/b' });
  });
});

describe('system notices', () => {
  it('are translated when the widget knows them, hidden when a frame says the same, else shown as sent', () => {
    expect(systemNotice('You are being transferred to Billing. Please wait for the next available agent.')).toEqual({
      kind: 'translated', key: 'notice.transferToQueue', values: { queue: 'Billing' },
    });
    expect(systemNotice('Bob joined the chat').kind).toBe('restates-frame');
    expect(systemNotice('Something new').kind).toBe('verbatim');
  });
});
