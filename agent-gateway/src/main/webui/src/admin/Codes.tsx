import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import type { AdminApi, CodeKind } from './api';
import { checkCode, type FieldErrors } from './forms';
import { AdminTable, checkedValue, DeleteButton, EditButton, EditForm, Failure, Field, Toolbar, useAction, useLoaded } from './common';

/** Idle codes (routing) or wrap-up reasons (conversation): a code and its label; add, relabel, delete. */
export function Codes({ api, kind }: { api: AdminApi; kind: CodeKind }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => api.codes(kind));
  const [form, setForm] = useState<{ code: string; label: string; isNew: boolean } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { actionFailure, run } = useAction(reload);
  const prefix = `admin-${kind}`;

  const save = () => {
    if (!form) return;
    const value = checkedValue(checkCode(kind, form.code, form.label), setErrors);
    if (value) run(() => api.putCode(kind, value.code, value.label), () => setForm(null));
  };
  const remove = (code: string) => run(() => api.deleteCode(kind, code));

  return (
    <section aria-label={t(`admin:section.${kind}`)}>
      <Toolbar>
        <button type="button" class="primary" data-testid={`${prefix}-new`} onClick={() => setForm({ code: '', label: '', isNew: true })}>
          {t('admin:codes.new')}
        </button>
      </Toolbar>
      <Failure failure={failure ?? actionFailure} />
      {form && (
        <EditForm prefix={prefix} label={t('admin:codes.new')} onSave={save} onCancel={() => setForm(null)}>
          <Field id={`${prefix}-code`} label={t('admin:codes.code')} value={form.code} disabled={!form.isNew}
            onInput={(code) => setForm({ ...form, code })} error={errors.code} />
          <Field id={`${prefix}-label`} label={t('admin:codes.label')} value={form.label}
            onInput={(label) => setForm({ ...form, label })} error={errors.label} />
        </EditForm>
      )}
      {data && data.length === 0 && <p class="muted">{t('admin:codes.none')}</p>}
      {data && data.length > 0 && (
        <AdminTable testId={`${prefix}-table`} columns={[t('admin:codes.label'), t('admin:codes.code')]}>
          {data.map((item) => (
            <tr key={item.code} data-testid={`${prefix}-row-${item.code}`}>
              <th scope="row">{item.label}</th>
              <td>{item.code}</td>
              <td class="admin-actions">
                <EditButton name={item.label} onClick={() => setForm({ code: item.code, label: item.label, isNew: false })} />
                <DeleteButton name={item.label} testId={`${prefix}-delete-${item.code}`} onClick={() => remove(item.code)} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
