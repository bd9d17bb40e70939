import { codePointLength } from '../shared/text';

export interface PreChatValues {
  name: string;
  email: string;
  question: string;
}

/** Field → translation key of its error. */
export type PreChatErrors = Partial<Record<'name' | 'email', string>>;

// The gateway's limits for POST /api/chats (customer.name ≤ 200, email ≤ 320 and shaped like one).
const NAME_MAX = 200;
const EMAIL_MAX = 320;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
