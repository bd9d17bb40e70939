import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import type { AdminApi, CodeKind } from './api';
import { checkCode, type FieldErrors } from './forms';
import { Failure, Field, Toolbar, useLoaded } from './common';

/** Idle codes (routing) or wrap-up reasons (conversation): a code and its label; add, relabel, delete. */
export function Codes({ api, kind }: { api: AdminApi; kind: CodeKind }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => api.codes(kind));
  const [form, setForm] = useState<{ code: string; label: string; isNew: boolean } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [actionFailure, setActionFailure] = useState<unknown>(null);
  const prefix = `admin-${kind}`;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    const checked = checkCode(kind, form.code, form.label);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      await api.putCode(kind, checked.value.code, checked.value.label);
      setForm(null);
      reload();
    } catch (error) {
      setActionFailure(error);
    }
  };
  const remove = async (code: string) => {
    setActionFailure(null);
    try {
      await api.deleteCode(kind, code);
      reload();
    } catch (error) {
      setActionFailure(error);
    }
  };

  return (
    <section aria-label={t(`admin:section.${kind}`)}>
      <Toolbar>
        <button type="button" class="primary" data-testid={`${prefix}-new`} onClick={() => setForm({ code: '', label: '', isNew: true })}>
          {t('admin:codes.new')}
        </button>
      </Toolbar>
      <Failure failure={failure ?? actionFailure} />
      {form && (
        <form class="admin-form" onSubmit={save} noValidate data-testid={`${prefix}-form`} aria-label={t('admin:codes.new')}>
          <Field id={`${prefix}-code`} label={t('admin:codes.code')} value={form.code} disabled={!form.isNew}
            onInput={(code) => setForm({ ...form, code })} error={errors.code} />
          <Field id={`${prefix}-label`} label={t('admin:codes.label')} value={form.label}
            onInput={(label) => setForm({ ...form, label })} error={errors.label} />
          <div class="admin-form-buttons">
            <button type="submit" class="primary" data-testid={`${prefix}-save`}>
              {t('admin:save')}
            </button>
            <button type="button" onClick={() => setForm(null)}>
              {t('admin:cancel')}
            </button>
          </div>
        </form>
      )}
      {data && data.length === 0 && <p class="muted">{t('admin:codes.none')}</p>}
      {data && data.length > 0 && (
        <table class="admin-table" data-testid={`${prefix}-table`}>
          <thead>
            <tr>
              <th scope="col">{t('admin:codes.label')}</th>
              <th scope="col">{t('admin:codes.code')}</th>
              <th scope="col">
                <span class="sr-only">{t('admin:actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((item) => (
              <tr key={item.code} data-testid={`${prefix}-row-${item.code}`}>
                <th scope="row">{item.label}</th>
                <td>{item.code}</td>
                <td class="admin-actions">
                  <button type="button" aria-label={t('admin:editNamed', { name: item.label })}
                    onClick={() => setForm({ code: item.code, label: item.label, isNew: false })}>
                    {t('admin:edit')}
                  </button>
                  <button type="button" class="danger" data-testid={`${prefix}-delete-${item.code}`}
                    aria-label={t('admin:deleteNamed', { name: item.label })} onClick={() => remove(item.code)}>
                    {t('admin:delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
