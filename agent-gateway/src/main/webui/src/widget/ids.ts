/** A random id for a message (its clientMessageId); crypto.randomUUID needs a secure context, this does not. */
export function newMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
