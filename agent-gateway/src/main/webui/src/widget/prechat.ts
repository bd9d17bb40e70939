import { codePointLength } from '../shared/text';

export interface PreChatValues {
  name: string;
  email: string;
  question: string;
}

/** Field → translation key of its error. */
export type PreChatErrors = Partial<Record<'name' | 'email', string>>;

// The gateway's limits for POST /api/chats (customer.name ≤ 200, email ≤ 320 and shaped like one).
export const NAME_MAX = 200;
export const EMAIL_MAX = 320;
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validatePreChat(values: PreChatValues): PreChatErrors {
  const errors: PreChatErrors = {};
  const name = values.name.trim();
  const email = values.email.trim();
  if (!name) errors.name = 'prechat.nameRequired';
  else if (codePointLength(name) > NAME_MAX) errors.name = 'prechat.nameTooLong';
  if (!email) errors.email = 'prechat.emailRequired';
  else if (email.length > EMAIL_MAX || !EMAIL_SHAPE.test(email)) errors.email = 'prechat.emailInvalid';
  return errors;
}

/**
 * Translation key of what the pre-chat form says when the gateway refused to start the chat (its problem code, or
 * NETWORK): a dependency down (503) and too many chats (429) say to try again in a moment.
 */
export function startErrorKey(code: string): string {
  switch (code) {
    case 'UNKNOWN_QUEUE':
      return 'prechat.unknownQueue';
    case 'NETWORK':
      return 'prechat.network';
    case 'SERVICE_UNAVAILABLE':
      return 'prechat.unavailable';
    case 'TOO_MANY_REQUESTS':
      return 'prechat.tooMany';
    default:
      return 'prechat.startFailed';
  }
}
