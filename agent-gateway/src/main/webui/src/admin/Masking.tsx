import { useEffect, useState } from 'preact/hooks';
import { useI18n, useT } from '../i18n/preact';
import { formattingLocale } from '../i18n';
import type { AdminApi, AuditPage, MaskingPolicy } from './api';
import { auditChanges } from './forms';
import { AdminTable, Failure, useLoaded } from './common';

const AUDIT_PAGE_SIZE = 10;

/** The masking policy (PCI, PII, each type) and its audit trail: who changed what, when. */
export function Masking({ api }: { api: AdminApi }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => api.maskingPolicy());
  const [draft, setDraft] = useState<MaskingPolicy | null>(null);
  const [saveFailure, setSaveFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [auditRound, setAuditRound] = useState(0);
  useEffect(() => setDraft(data), [data]);

  if (!draft) return <Failure failure={failure} />;
  const types = Object.entries(draft.types).sort(([a], [b]) => a.localeCompare(b));
  const setType = (type: string, enabled: boolean) =>
    setDraft({ ...draft, types: { ...draft.types, [type]: { ...draft.types[type], enabled } } });

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setSaveFailure(null);
    try {
      const switches = Object.fromEntries(types.map(([type, view]) => [type, view.enabled]));
      setDraft(await api.changeMaskingPolicy(draft.pciEnabled, draft.piiEnabled, switches));
      setSaved(true);
      setAuditRound((r) => r + 1);
    } catch (error) {
      setSaveFailure(error);
      reload();
    }
  };

  return (
    <section aria-label={t('admin:section.masking')}>
      <form class="admin-form" onSubmit={save} data-testid="admin-masking-form" aria-label={t('admin:masking.policy')}>
        <p class="muted">{t('admin:masking.explain')}</p>
        {(['PCI', 'PII'] as const).map((category) => {
          const key = category === 'PCI' ? 'pciEnabled' : 'piiEnabled';
          return (
            <fieldset key={category} class="admin-fieldset">
              <legend>
                <label>
                  <input type="checkbox" data-testid={`admin-masking-${category.toLowerCase()}`} checked={draft[key]}
                    onChange={(e) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).checked })} />
                  {t(`admin:masking.category.${category}`)}
                </label>
              </legend>
              <ul class="admin-checks">
                {types.filter(([, view]) => view.category === category).map(([type, view]) => (
                  <li key={type}>
                    <label>
                      <input type="checkbox" data-testid={`admin-masking-type-${type}`} checked={view.enabled}
                        disabled={!draft[key]} onChange={(e) => setType(type, (e.target as HTMLInputElement).checked)} />
                      {type}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
        {draft.pciEnabled === false && (
          <p class="notice admin-warning" role="note" data-testid="admin-masking-pci-off">
            {t('admin:masking.pciOffWarning')}
          </p>
        )}
        <Failure failure={saveFailure} />
        {saved && (
          <p class="admin-ok" role="status" data-testid="admin-notice">
            {t('admin:masking.saved')}
          </p>
        )}
        <div class="admin-form-buttons">
          <button type="submit" class="primary" data-testid="admin-masking-save">
            {t('admin:save')}
          </button>
        </div>
      </form>
      <Audit api={api} round={auditRound} />
    </section>
  );
}

function Audit({ api, round }: { api: AdminApi; round: number }) {
  const t = useT();
  const i18n = useI18n();
  const [page, setPage] = useState(0);
  const [data, setData] = useState<AuditPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    api.maskingAudit(page, AUDIT_PAGE_SIZE).then(setData, setFailure);
  }, [page, round]);
  const pages = data ? Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE)) : 1;
  const time = new Intl.DateTimeFormat(formattingLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <section class="admin-audit" aria-labelledby="admin-audit-title">
      <h3 id="admin-audit-title">{t('admin:masking.audit')}</h3>
      <Failure failure={failure} />
      {data && data.items.length === 0 && <p class="muted">{t('admin:masking.noAudit')}</p>}
      {data && data.items.length > 0 && (
        <AdminTable testId="admin-audit-table" columns={[t('admin:masking.when'), t('admin:masking.who'), t('admin:masking.what')]} actions={false}>
          {data.items.map((entry, index) => (
            <tr key={`${entry.changedAt}-${index}`} data-testid="admin-audit-row">
              <td>{time.format(new Date(entry.changedAt))}</td>
              <td>{entry.changedBy}</td>
              <td>
                {auditChanges(entry).length === 0
                  ? t('admin:masking.noChange')
                  : auditChanges(entry)
                      .map((change) => t('admin:masking.change', { what: change.what, state: t(change.after ? 'admin:on' : 'admin:off') }))
                      .join(', ')}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {pages > 1 && (
        <div class="admin-pager">
          <button type="button" data-testid="admin-audit-previous" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('admin:previous')}
          </button>
          <span>{t('admin:page', { page: page + 1, pages })}</span>
          <button type="button" data-testid="admin-audit-next" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('admin:next')}
          </button>
        </div>
      )}
    </section>
  );
}
