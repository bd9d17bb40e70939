import { describe, expect, it } from 'vitest';
import { notYetShown, parsePending, pendingStatus, serialisePending, type PendingMessage } from './pendingMessages';

const message = (id: string, retryAt: number | null = null): PendingMessage => ({
  clientMessageId: id,
  text: `text ${id}`,
  at: '2026-12-06T10:00:00Z',
  retryAt,
});

describe('a message not acknowledged yet', () => {
  it('is "sending" while an attempt is under way, else counts down to the next one in whole seconds', () => {
    expect(pendingStatus(message('a'), 1000)).toEqual({ key: 'sending' });
    expect(pendingStatus(message('a', 5000), 1000)).toEqual({ key: 'retrying', seconds: 4 });
    expect(pendingStatus(message('a', 5000), 4100)).toEqual({ key: 'retrying', seconds: 1 });
    expect(pendingStatus(message('a', 5000), 5000)).toEqual({ key: 'sending' });
  });

  it('is not drawn once its real message (messageId = clientMessageId) is in the thread', () => {
    expect(notYetShown([message('a'), message('b')], new Set(['b', 'x'])).map((m) => m.clientMessageId)).toEqual(['a']);
  });

  it('survives storage without its timer, and anything malformed is dropped', () => {
    const stored = serialisePending([message('a', 9000), message('b')]);
    expect(parsePending(stored)).toEqual([message('a'), message('b')]);
    expect(serialisePending([])).toBeNull();
    expect(parsePending('not json')).toEqual([]);
    expect(parsePending('{"clientMessageId":"a"}')).toEqual([]);
    expect(parsePending('[{"clientMessageId":"a"},null,{"clientMessageId":"b","text":"t","at":"x"}]')).toEqual([
      { clientMessageId: 'b', text: 't', at: 'x', retryAt: null },
    ]);
  });
});
