import {
  appendToDraft,
  codePointLength,
  counterLevel,
  formatDuration,
  initials,
  MAX_MESSAGE_LENGTH,
  matchesSearch,
  sendableText,
  truncateCodePoints,
  WARNING_FROM,
} from './text';
import { fillTemplate, previewParts, templateParameters } from './templates';

describe('text helpers', () => {
  it('count code points as the gateway does', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀é')).toBe(2);
    expect(truncateCodePoints('😀😀😀', 2)).toBe('😀😀');
  });

  it('put the counter at ok below 900, warning from 900, limit at 1000', () => {
    expect(counterLevel(0, MAX_MESSAGE_LENGTH, WARNING_FROM)).toBe('ok');
    expect(counterLevel(899, MAX_MESSAGE_LENGTH, WARNING_FROM)).toBe('ok');
    expect(counterLevel(900, MAX_MESSAGE_LENGTH, WARNING_FROM)).toBe('warning');
    expect(counterLevel(999, MAX_MESSAGE_LENGTH, WARNING_FROM)).toBe('warning');
    expect(counterLevel(1000, MAX_MESSAGE_LENGTH, WARNING_FROM)).toBe('limit');
  });

  it('never send blank text, nor reserved characters, nor too much', () => {
    expect(sendableText('   \n ')).toBeNull();
    expect(sendableText('a < b')).toBeNull();
    expect(sendableText('x'.repeat(1001))).toBeNull();
    expect(sendableText('  Hello\nthere \n')).toBe('Hello\nthere');
  });

  it('append to a draft on a new line, cut at the limit', () => {
    expect(appendToDraft('', 'Hi')).toEqual({ draft: 'Hi', truncated: false });
    expect(appendToDraft('Hello  ', 'Hi')).toEqual({ draft: 'Hello\nHi', truncated: false });
    const long = appendToDraft('x'.repeat(995), 'abcdefgh');
    expect(long.truncated).toBe(true);
    expect(codePointLength(long.draft)).toBe(1000);
  });

  it('make initials, durations and searches', () => {
    expect(initials('Jean-Pierre Martin Dupont')).toBe('JD');
    expect(initials('mel')).toBe('M');
    expect(initials('')).toBe('?');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
    expect(matchesSearch('resol', 'RESOLVED', 'Resolved')).toBe(true);
    expect(matchesSearch('resol', 'NO_ANSWER', 'Customer did not respond')).toBe(false);
  });
});

describe('templates', () => {
  const body = 'Hello <customerName>,\nI am <agentName>. Bye <customerName>!';

  it('list each parameter once', () => {
    expect(templateParameters(body)).toEqual(['customerName', 'agentName']);
    expect(templateParameters('no parameter')).toEqual([]);
  });

  it('fill every parameter, keeping line breaks, or refuse while one is missing', () => {
    expect(fillTemplate(body, { customerName: 'Mel $1', agentName: 'Alice' })).toBe('Hello Mel $1,\nI am Alice. Bye Mel $1!');
    expect(fillTemplate(body, { customerName: 'Mel' })).toBeNull();
    expect(fillTemplate(body, { customerName: 'Mel', agentName: '  ' })).toBeNull();
  });

  it('mark missing parameters in the preview', () => {
    expect(previewParts('Hi <a>!', {})).toEqual([{ text: 'Hi ' }, { parameter: 'a', value: null }, { text: '!' }]);
  });
});
