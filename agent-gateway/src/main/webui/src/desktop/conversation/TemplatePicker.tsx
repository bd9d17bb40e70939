import { useId } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { useControllable } from './hooks';
import { fillTemplate, previewParts, templateParameters } from './templates';
import { hasReservedCharacters } from './text';
import type { TemplateSelection, TemplateView } from './types';

export interface TemplatePickerProps {
  templates: TemplateView[];
  /** Values the conversation already has (customerName, agentName, queueName, CAD variables): prefilled. */
  knownValues: Record<string, string>;
  /** Called with the filled text; the pane adds it to the draft. */
  onInsert: (text: string) => void;
  /** Controlled selection (the shell may keep it per conversation); left out, the picker keeps its own. */
  selection?: TemplateSelection;
  onSelectionChange?: (selection: TemplateSelection) => void;
  disabled?: boolean;
}

const NONE: TemplateSelection = { templateId: null, params: {} };

/** Choose a template, fill its parameters, see the result live, insert it into the draft. */
export function TemplatePicker({ templates, knownValues, onInsert, selection, onSelectionChange, disabled }: TemplatePickerProps) {
  const t = useT();
  const selectId = useId();
  const [current, setCurrent] = useControllable(selection, onSelectionChange, NONE);
  const template = templates.find((candidate) => candidate.id === current.templateId) ?? null;
  const values = { ...knownValues, ...current.params };
  const filled = template ? fillTemplate(template.body, values) : null;
  const reserved = filled !== null && hasReservedCharacters(filled);

  const choose = (templateId: string) => setCurrent({ templateId: templateId || null, params: {} });
  const setParam = (name: string, value: string) =>
    setCurrent({ templateId: current.templateId, params: { ...current.params, [name]: value } });

  return (
    <div class="lc-templates" data-testid="template-picker">
      <label class="lc-field" htmlFor={selectId}>
        <span class="lc-field-label">{t('conversation:templates.label')}</span>
        <select
          id={selectId}
          data-testid="template-select"
          value={current.templateId ?? ''}
          disabled={disabled || templates.length === 0}
          onChange={(event) => choose((event.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{templates.length === 0 ? t('conversation:templates.none') : t('conversation:templates.choose')}</option>
          {templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      {template && (
        <>
          {templateParameters(template.body).map((name) => (
            <label key={name} class="lc-field">
              <span class="lc-field-label">{t('conversation:templates.parameter', { name })}</span>
              <input
                type="text"
                data-testid="template-param"
                data-name={name}
                value={values[name] ?? ''}
                disabled={disabled}
                onInput={(event) => setParam(name, (event.currentTarget as HTMLInputElement).value)}
              />
            </label>
          ))}
          <Preview body={template.body} values={values} />
          {reserved && (
            <p class="lc-field-error" role="alert" data-testid="template-error">
              {t('conversation:templates.reserved')}
            </p>
          )}
          <button
            type="button"
            class="lc-button"
            data-testid="template-insert"
            disabled={disabled || filled === null || reserved}
            onClick={() => filled !== null && onInsert(filled)}
          >
            {t('conversation:templates.insert')}
          </button>
        </>
      )}
    </div>
  );
}

function Preview({ body, values }: { body: string; values: Record<string, string> }) {
  const t = useT();
  return (
    <figure class="lc-template-preview">
      <figcaption class="lc-field-label">{t('conversation:templates.preview')}</figcaption>
      <p data-testid="template-preview" style={{ whiteSpace: 'pre-wrap' }} aria-live="polite">
        {previewParts(body, values).map((part, index) =>
          'text' in part ? (
            part.text
          ) : part.value === null ? (
            <mark key={index} class="lc-template-missing">
              {t('conversation:templates.missing', { name: part.parameter })}
            </mark>
          ) : (
            <span key={index} class="lc-template-value">{part.value}</span>
          ),
        )}
      </p>
    </figure>
  );
}
