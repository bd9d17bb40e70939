import { describe, expect, it } from 'vitest';
import { contactOf, offlineErrorKey, validateOffline } from './offline';

describe('the message form outside business hours', () => {
  const valid = { name: 'Jean', contact: 'jean@example.com', message: 'Please call me back' };

  it('accepts a name, an e-mail or a phone number, and a message', () => {
    expect(validateOffline(valid)).toEqual({});
    expect(validateOffline({ ...valid, contact: '+33 6 12 34 56 78' })).toEqual({});
  });

  it('names each missing or invalid field', () => {
    expect(validateOffline({ name: ' ', contact: '', message: '' })).toEqual({
      name: 'offline.nameRequired',
      contact: 'offline.contactRequired',
      message: 'offline.messageRequired',
    });
    expect(validateOffline({ ...valid, contact: 'jean@' }).contact).toBe('offline.contactInvalid');
    expect(validateOffline({ ...valid, contact: 'call me' }).contact).toBe('offline.contactInvalid');
    expect(validateOffline({ ...valid, contact: '123' }).contact).toBe('offline.contactInvalid');
    expect(validateOffline({ ...valid, message: 'a'.repeat(4001) }).message).toBe('offline.messageTooLong');
    expect(validateOffline({ ...valid, message: 'a < b' })).toEqual({});
  });

  it('sends an e-mail as email and anything else as phone', () => {
    expect(contactOf(' jean@example.com ')).toEqual({ email: 'jean@example.com' });
    expect(contactOf('+33 6 12 34 56 78')).toEqual({ phone: '+33 6 12 34 56 78' });
  });

  it('says why the gateway refused', () => {
    expect(offlineErrorKey('INVALID_CONTACT')).toBe('offline.contactInvalid');
    expect(offlineErrorKey('NETWORK')).toBe('prechat.network');
    expect(offlineErrorKey('HTTP_500')).toBe('offline.sendFailed');
  });
});
