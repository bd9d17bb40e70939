import { clearSession, loadDraft, loadSession, pruneDrafts, saveDraft, saveSession } from './persistence';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('are kept per agent and conversation', () => {
    saveDraft('alice', 'c-1', 'Bonjour,\nje regarde');
    saveDraft('alice', 'c-2', 'other');
    saveDraft('bob', 'c-1', 'bob’s');
    expect(loadDraft('alice', 'c-1')).toBe('Bonjour,\nje regarde');
    expect(loadDraft('alice', 'c-2')).toBe('other');
    expect(loadDraft('bob', 'c-1')).toBe('bob’s');
    expect(loadDraft('alice', 'c-3')).toBe('');
  });

  it('an empty draft is removed', () => {
    saveDraft('alice', 'c-1', 'x');
    saveDraft('alice', 'c-1', '');
    expect(localStorage.length).toBe(0);
  });

  it('drafts of conversations no longer open are pruned, other agents’ kept', () => {
    saveDraft('alice', 'c-1', 'keep');
    saveDraft('alice', 'c-2', 'gone');
    saveDraft('bob', 'c-2', 'not mine');
    pruneDrafts('alice', ['c-1']);
    expect(loadDraft('alice', 'c-1')).toBe('keep');
    expect(loadDraft('alice', 'c-2')).toBe('');
    expect(loadDraft('bob', 'c-2')).toBe('not mine');
  });
});

describe('session', () => {
  beforeEach(() => sessionStorage.clear());
  const session = { token: 't', expiresAt: '2026-12-06T18:00:00Z', agentId: 'alice', displayName: 'Alice', roles: ['agent'] };

  it('survives a reload until it expires', () => {
    saveSession(session);
    expect(loadSession(Date.parse('2026-12-06T10:00:00Z'))).toEqual(session);
    expect(loadSession(Date.parse('2026-12-06T18:00:01Z'))).toBeNull();
    clearSession();
    expect(loadSession(Date.parse('2026-12-06T10:00:00Z'))).toBeNull();
  });
});
