import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { previewParts, templateParameters } from '../desktop/conversation/templates';
import type { AdminApi, Template } from './api';
import { checkTemplate, type FieldErrors } from './forms';
import { AdminTable, checkedValue, DeleteButton, EditButton, EditForm, Failure, Field, Toolbar, useAction, useLoaded } from './common';

/** Message templates: name and body with `<parameter>`s, and a preview filled with sample values. */
export function Templates({ api }: { api: AdminApi }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => api.templates());
  const [form, setForm] = useState<{ id: string; name: string; body: string; isNew: boolean } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [samples, setSamples] = useState<Record<string, string>>({});
  const { actionFailure, run } = useAction(reload);

  const open = (template: Template | null) => {
    setErrors({});
    setForm(template ? { ...template, isNew: false } : { id: '', name: '', body: '', isNew: true });
  };
  const save = () => {
    if (!form) return;
    const value = checkedValue(checkTemplate(form.id, form.name, form.body), setErrors);
    if (value) run(() => api.putTemplate(value.id, value.name, value.body), () => setForm(null));
  };
  const remove = (id: string) => run(() => api.deleteTemplate(id));

  return (
    <section aria-label={t('admin:section.templates')}>
      <Toolbar>
        <button type="button" class="primary" data-testid="admin-template-new" onClick={() => open(null)}>
          {t('admin:templates.new')}
        </button>
      </Toolbar>
      <Failure failure={failure ?? actionFailure} />
      {form && (
        <EditForm prefix="admin-template" label={t('admin:templates.new')} onSave={save} onCancel={() => setForm(null)}>
          <Field id="admin-template-id" label={t('admin:templates.id')} value={form.id} disabled={!form.isNew}
            onInput={(id) => setForm({ ...form, id })} error={errors.id} />
          <Field id="admin-template-name" label={t('admin:templates.name')} value={form.name}
            onInput={(name) => setForm({ ...form, name })} error={errors.name} />
          <Field id="admin-template-body" label={t('admin:templates.body')} value={form.body} multiline
            onInput={(body) => setForm({ ...form, body })} error={errors.body} hint={t('admin:templates.bodyHint')} />
          {templateParameters(form.body).length > 0 && (
            <fieldset class="admin-fieldset">
              <legend>{t('admin:templates.samples')}</legend>
              {templateParameters(form.body).map((parameter) => (
                <Field key={parameter} id={`admin-template-sample-${parameter}`} label={parameter}
                  value={samples[parameter] ?? ''} onInput={(value) => setSamples({ ...samples, [parameter]: value })} />
              ))}
            </fieldset>
          )}
          <div class="admin-preview">
            <h3>{t('admin:templates.preview')}</h3>
            <p data-testid="admin-template-preview">
              {previewParts(form.body, samples).map((part, index) =>
                'text' in part ? (
                  <span key={index}>{part.text}</span>
                ) : (
                  <mark key={index} class={part.value === null ? 'admin-missing' : undefined}>
                    {part.value ?? `<${part.parameter}>`}
                  </mark>
                ),
              )}
            </p>
          </div>
        </EditForm>
      )}
      {data && data.length > 0 && (
        <AdminTable testId="admin-template-table" columns={[t('admin:templates.name'), t('admin:templates.parameters')]}>
          {data.map((template) => (
            <tr key={template.id} data-testid={`admin-template-row-${template.id}`}>
              <th scope="row">{template.name}</th>
              <td>{template.parameters.join(', ')}</td>
              <td class="admin-actions">
                <EditButton name={template.name} testId={`admin-template-edit-${template.id}`} onClick={() => open(template)} />
                <DeleteButton name={template.name} onClick={() => remove(template.id)} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
