import { initSession, loadChat, loadDraft, saveChat, saveDraft } from './session';

describe('the stored chat of /chat/ opened as a page', () => {
  beforeEach(() => sessionStorage.clear());

  it('survives a reload: what was saved is read back by the next page', async () => {
    await initSession(false);
    saveChat({ conversationId: 'c-1', token: 't', customerName: 'Claire' });
    saveDraft('half a sentence');
    await initSession(false); // the reloaded page
    expect(loadChat()).toEqual({ conversationId: 'c-1', token: 't', customerName: 'Claire' });
    expect(loadDraft()).toBe('half a sentence');
  });

  it('is forgotten when a new chat starts', async () => {
    await initSession(false);
    saveChat({ conversationId: 'c-1', token: 't', customerName: 'Claire' });
    saveChat(null);
    saveDraft('');
    await initSession(false);
    expect(loadChat()).toBeNull();
    expect(loadDraft()).toBe('');
  });

  it('ignores what is not a chat', async () => {
    sessionStorage.setItem('livechat.widget.chat', '{"conversationId": 3}');
    await initSession(false);
    expect(loadChat()).toBeNull();
  });
});
