import { codePointLength, counterLevel, type CounterLevel } from '../shared/text';

// The customer's compose rules: the gateway's customer message rules (livechat-platform MessageRules, documented in
// docs/api/gateway.md "Errors"): 1 to 4000 characters (Unicode code points), not blank, no control characters but
// tab and line breaks. `<` and `>` are allowed for customers: they are reserved for the agents' template
// parameters only, so refusing them here would refuse what the gateway accepts.

export const MAX_CHARACTERS = 4000;
/** From here on the counter warns that the limit is near. */
export const WARNING_FROM = 3800;

/** How close the draft is to the customer's limit. */
export function draftLevel(text: string): CounterLevel {
  return counterLevel(codePointLength(text), MAX_CHARACTERS, WARNING_FROM);
}

/** What typing produced, kept within the rules, and why something was taken out (a translation key) if it was. */
export function acceptTyped(text: string): { text: string; refusal: string | null } {
  // eslint-disable-next-line no-control-regex
  const withoutControls = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  const characters = [...withoutControls];
  if (characters.length > MAX_CHARACTERS) {
    return { text: characters.slice(0, MAX_CHARACTERS).join(''), refusal: 'compose.limitReached' };
  }
  return { text: withoutControls, refusal: withoutControls === text ? null : 'compose.controlCharacters' };
}

export function canSend(text: string): boolean {
  return text.trim().length > 0 && codePointLength(text) <= MAX_CHARACTERS;
}
