import { acceptTyped, canSend, draftLevel, MAX_CHARACTERS, WARNING_FROM } from './compose';
import { codePointLength, isSendKey } from '../shared/text';

describe('compose rules', () => {
  it('count characters as the gateway does (code points: an emoji is one)', () => {
    expect(codePointLength('😀😀')).toBe(2);
  });

  it('warn near the limit and stop at it', () => {
    expect(draftLevel('a'.repeat(WARNING_FROM - 1))).toBe('ok');
    expect(draftLevel('a'.repeat(WARNING_FROM))).toBe('warning');
    expect(draftLevel('a'.repeat(MAX_CHARACTERS))).toBe('limit');
    const typed = acceptTyped('a'.repeat(MAX_CHARACTERS + 3));
    expect(codePointLength(typed.text)).toBe(MAX_CHARACTERS);
    expect(typed.refusal).toBe('compose.limitReached');
  });

  it('take out control characters as they are typed, keeping tabs and line breaks', () => {
    expect(acceptTyped('a\u0007b\tc\nd\r\ne')).toEqual({ text: 'ab\tc\nd\r\ne', refusal: 'compose.controlCharacters' });
  });

  it('let customers write < and >, which the gateway accepts from them', () => {
    expect(acceptTyped('a < b > c')).toEqual({ text: 'a < b > c', refusal: null });
  });

  it('never send a blank message', () => {
    expect(canSend('  \n ')).toBe(false);
    expect(canSend('ok')).toBe(true);
  });

  it('send on Enter and add a line on Shift+Enter or while an input method composes', () => {
    expect(isSendKey({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(isSendKey({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKey({ key: 'a', shiftKey: false })).toBe(false);
  });
});
