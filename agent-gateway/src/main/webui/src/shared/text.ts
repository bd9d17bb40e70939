/**
 * Text rules both compose boxes (the agent's and the customer's) share. Lengths are counted in code points, as the
 * gateway's message rules count them (an emoji is one character, not two UTF-16 units).
 */

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

export type CounterLevel = 'ok' | 'warning' | 'limit';

/** How close a text of `length` characters is to the limit `max`: a warning from `warningFrom` on. */
export function counterLevel(length: number, max: number, warningFrom: number): CounterLevel {
  if (length >= max) return 'limit';
  if (length >= warningFrom) return 'warning';
  return 'ok';
}

/** Enter sends; Shift+Enter (and Enter while an input method composes) adds a line. */
export function isSendKey(event: { key: string; shiftKey: boolean; isComposing?: boolean }): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}
