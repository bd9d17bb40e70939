import { codePointLength } from '../shared/text';
import { EMAIL_MAX, EMAIL_SHAPE, NAME_MAX, startErrorKey } from './prechat';

export interface OfflineValues {
  name: string;
  contact: string;
  message: string;
}

/** Field → translation key of its error. */
export type OfflineErrors = Partial<Record<keyof OfflineValues, string>>;

// The gateway's rules for POST /api/chats with offline: true (name ≤ 200, e-mail ≤ 320 and shaped like one, or a
// phone number of 6 to 20 digits; the message as any customer message, 1 to 4000 characters).
const MESSAGE_MAX = 4000;
const PHONE_SHAPE = /^\+?[0-9 .()-]{6,40}$/;

/** The contact as the gateway takes it: an e-mail address when it has an @, else a phone number. */
export function contactOf(contact: string): { email: string } | { phone: string } {
  const trimmed = contact.trim();
  return trimmed.includes('@') ? { email: trimmed } : { phone: trimmed };
}

export function validateOffline(values: OfflineValues): OfflineErrors {
  const errors: OfflineErrors = {};
  const name = values.name.trim();
  const contact = values.contact.trim();
  const message = values.message.trim();
  if (!name) errors.name = 'offline.nameRequired';
  else if (codePointLength(name) > NAME_MAX) errors.name = 'offline.nameTooLong';
  if (!contact) errors.contact = 'offline.contactRequired';
  else if (contact.includes('@') ? contact.length > EMAIL_MAX || !EMAIL_SHAPE.test(contact)
      : !PHONE_SHAPE.test(contact) || contact.replace(/\D/g, '').length > 20 || contact.replace(/\D/g, '').length < 6) {
    errors.contact = 'offline.contactInvalid';
  }
  if (!message) errors.message = 'offline.messageRequired';
  else if (codePointLength(message) > MESSAGE_MAX) errors.message = 'offline.messageTooLong';
  return errors;
}

/** Translation key of what the form says when the gateway refused the message (its problem code, or NETWORK). */
export function offlineErrorKey(code: string): string {
  if (code === 'INVALID_CONTACT') return 'offline.contactInvalid';
  const key = startErrorKey(code);
  return key === 'prechat.startFailed' ? 'offline.sendFailed' : key;
}
