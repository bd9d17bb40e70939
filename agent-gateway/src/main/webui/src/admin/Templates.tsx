import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { previewParts, templateParameters } from '../desktop/conversation/templates';
import type { AdminApi, Template } from './api';
import { checkTemplate, type FieldErrors } from './forms';
import { Failure, Field, Toolbar, useLoaded } from './common';

/** Message templates: name and body with `<parameter>`s, and a preview filled with sample values. */
export function Templates({ api }: { api: AdminApi }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => api.templates());
  const [form, setForm] = useState<{ id: string; name: string; body: string; isNew: boolean } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [actionFailure, setActionFailure] = useState<unknown>(null);

  const open = (template: Template | null) => {
    setErrors({});
    setForm(template ? { ...template, isNew: false } : { id: '', name: '', body: '', isNew: true });
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    const checked = checkTemplate(form.id, form.name, form.body);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      await api.putTemplate(checked.value.id, checked.value.name, checked.value.body);
      setForm(null);
      reload();
    } catch (error) {
      setActionFailure(error);
    }
  };
  const remove = async (id: string) => {
    try {
      await api.deleteTemplate(id);
      reload();
    } catch (error) {
      setActionFailure(error);
    }
  };

  return (
    <section aria-label={t('admin:section.templates')}>
      <Toolbar>
        <button type="button" class="primary" data-testid="admin-template-new" onClick={() => open(null)}>
          {t('admin:templates.new')}
        </button>
      </Toolbar>
      <Failure failure={failure ?? actionFailure} />
      {form && (
        <form class="admin-form" onSubmit={save} noValidate data-testid="admin-template-form" aria-label={t('admin:templates.new')}>
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
          <div class="admin-form-buttons">
            <button type="submit" class="primary" data-testid="admin-template-save">
              {t('admin:save')}
            </button>
            <button type="button" onClick={() => setForm(null)}>
              {t('admin:cancel')}
            </button>
          </div>
        </form>
      )}
      {data && data.length > 0 && (
        <table class="admin-table" data-testid="admin-template-table">
          <thead>
            <tr>
              <th scope="col">{t('admin:templates.name')}</th>
              <th scope="col">{t('admin:templates.parameters')}</th>
              <th scope="col">
                <span class="sr-only">{t('admin:actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((template) => (
              <tr key={template.id} data-testid={`admin-template-row-${template.id}`}>
                <th scope="row">{template.name}</th>
                <td>{template.parameters.join(', ')}</td>
                <td class="admin-actions">
                  <button type="button" data-testid={`admin-template-edit-${template.id}`} aria-label={t('admin:editNamed', { name: template.name })} onClick={() => open(template)}>
                    {t('admin:edit')}
                  </button>
                  <button type="button" class="danger" aria-label={t('admin:deleteNamed', { name: template.name })} onClick={() => remove(template.id)}>
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
