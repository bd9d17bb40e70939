import { formattingLocale } from '../../i18n/languages';
import { codePointLength } from '../../shared/text';

export { codePointLength, counterLevel, type CounterLevel } from '../../shared/text';

/**
 * Small pure helpers of the pane. Lengths are counted in code points, as the gateway's message rules count them
 * (an emoji is one character, not two UTF-16 units).
 */

/** The most characters an agent message may have (gateway `MessageRules`). */
export const MAX_MESSAGE_LENGTH = 1000;
/** From this length on the counter warns. */
export const WARNING_FROM = 900;

/** `<` and `>` are reserved for template parameters: the gateway refuses them in agent messages. */
const RESERVED = /[<>]/g;

export function truncateCodePoints(text: string, max: number): string {
  if (text.length <= max) return text; // fewer UTF-16 units than max: fewer code points too
  return Array.from(text).slice(0, max).join('');
}

export function hasReservedCharacters(text: string): boolean {
  return /[<>]/.test(text);
}

export function withoutReservedCharacters(text: string): string {
  return text.replace(RESERVED, '');
}

/** What a message may be sent as: trimmed, or null when nothing would be left (blank messages are refused). */
export function sendableText(draft: string): string | null {
  const trimmed = draft.trim();
  if (trimmed === '' || hasReservedCharacters(trimmed)) return null;
  if (codePointLength(trimmed) > MAX_MESSAGE_LENGTH) return null;
  return trimmed;
}

/**
 * The draft with `text` added on a new line, cut to the limit; `truncated` says whether something was cut.
 */
export function appendToDraft(draft: string, text: string, max = MAX_MESSAGE_LENGTH): { draft: string; truncated: boolean } {
  const joined = draft.trim() === '' ? text : `${draft.replace(/\s+$/, '')}\n${text}`;
  const cut = truncateCodePoints(joined, max);
  return { draft: cut, truncated: cut !== joined };
}

/** Up to two initials of a name, for the customer's avatar. */
export function initials(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word)[0]?.toLocaleUpperCase() ?? '').join('') || '?';
}

/** Elapsed time as m:ss, or h:mm:ss from an hour on (negative durations count as zero). */
export function formatDuration(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** A message's time of day in the page's language. */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(formattingLocale(language), { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** Date and time in full, for a tooltip. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** Case-insensitive "contains", the rule the gateway's `search` parameters use. */
export function matchesSearch(query: string, ...fields: (string | undefined)[]): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return fields.some((field) => field?.toLocaleLowerCase().includes(needle));
}
