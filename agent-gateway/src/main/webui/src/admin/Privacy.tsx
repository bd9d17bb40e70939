import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { Dialog } from '../desktop/conversation/Dialog';
import type { AdminApi, Erasure } from './api';
import { Failure, Field, useLoaded } from './common';

/**
 * Customer data (docs/privacy.md): erase the customer's data of an ended conversation on request, after a
 * confirmation; the audited requests below, newest first.
 */
export function Privacy({ api }: { api: AdminApi }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => api.erasures());
  const [conversationId, setConversationId] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<Erasure | null>(null);

  const ask = (event: Event) => {
    event.preventDefault();
    const id = conversationId.trim();
    if (!id) {
      setError('required');
      return;
    }
    setError(undefined);
    setDone(null);
    setConfirming(id);
  };

  return (
    <section aria-label={t('admin:section.privacy')}>
      <p class="muted">{t('admin:privacy.intro')}</p>
      <form class="admin-form" onSubmit={ask} noValidate data-testid="admin-erasure-form" aria-label={t('admin:privacy.erase')}>
        <Field id="admin-erasure-conversation" label={t('admin:privacy.conversationId')} value={conversationId}
          onInput={setConversationId} error={error} />
        <div class="admin-form-buttons">
          <button type="submit" class="danger" data-testid="admin-erasure-erase">
            {t('admin:privacy.erase')}
          </button>
        </div>
      </form>
      {done && (
        <p role="status" data-testid="admin-erasure-done">
          {t('admin:privacy.requested', { id: done.erasureId })}
        </p>
      )}
      <Failure failure={failure} />
      <h3>{t('admin:privacy.audit')}</h3>
      {data && data.length === 0 && <p class="muted">{t('admin:privacy.none')}</p>}
      {data && data.length > 0 && (
        <table class="admin-table" data-testid="admin-erasures">
          <thead>
            <tr>
              <th scope="col">{t('admin:privacy.conversationId')}</th>
              <th scope="col">{t('admin:privacy.requestedBy')}</th>
              <th scope="col">{t('admin:privacy.requestedAt')}</th>
              <th scope="col">{t('admin:privacy.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((e) => (
              <tr key={e.erasureId} data-testid={`admin-erasure-row-${e.conversationId}`}>
                <td>{e.conversationId}</td>
                <td>{e.requestedBy}</td>
                <td>{new Date(e.requestedAt).toLocaleString()}</td>
                <td>{t(`admin:privacy.statusValue.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <EraseDialog api={api} conversationId={confirming}
          onDone={(erasure) => {
            setConfirming(null);
            if (erasure) {
              setDone(erasure);
              setConversationId('');
              reload();
            }
          }} />
      )}
    </section>
  );
}

/** Said before it happens: what an erasure removes, for good. */
function EraseDialog({ api, conversationId, onDone }: { api: AdminApi; conversationId: string; onDone: (erasure: Erasure | null) => void }) {
  const t = useT();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      onDone(await api.erase(conversationId));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('admin:privacy.confirmTitle')} onClose={() => onDone(null)} testId="admin-erasure-dialog" initialFocus="[data-testid=admin-erasure-cancel]">
      <p data-testid="admin-erasure-message">{t('admin:privacy.confirmText', { id: conversationId })}</p>
      <Failure failure={failure} />
      <div class="lc-dialog-buttons">
        <button type="button" data-testid="admin-erasure-cancel" onClick={() => onDone(null)}>
          {t('admin:cancel')}
        </button>
        <button type="button" class="danger" data-testid="admin-erasure-confirm" disabled={busy} onClick={confirm}>
          {t('admin:privacy.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
