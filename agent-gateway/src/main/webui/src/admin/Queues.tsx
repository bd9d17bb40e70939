import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { Dialog } from '../desktop/conversation/Dialog';
import type { AdminApi, Queue } from './api';
import { checkQueue, DAYS, hoursForm, STRATEGIES, type FieldErrors, type HoursForm, type QueueForm } from './forms';
import { AdminTable, checkedValue, DeleteButton, EditButton, EditForm, Failure, Field, Toolbar, useAction, useLoaded } from './common';

const EMPTY: QueueForm = {
  id: '',
  name: '',
  ronaTimeoutSeconds: '30',
  maxWaitSeconds: '',
  strategy: STRATEGIES[0],
  waitingNoticeSeconds: '',
  waitingNoticeText: '',
  inactivityWarningSeconds: '',
  inactivityGraceSeconds: '',
  hours: hoursForm(null),
};

/** Queues: list, create, edit (RONA, maximum wait, no-agent notice, strategy), delete after a confirmation naming its live chats. */
export function Queues({ api }: { api: AdminApi }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => api.queues());
  const [editing, setEditing] = useState<{ form: QueueForm; isNew: boolean } | null>(null);
  const [deleting, setDeleting] = useState<Queue | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { actionFailure, setActionFailure } = useAction(reload);

  const edit = (queue: Queue) =>
    setEditing({
      isNew: false,
      form: {
        id: queue.id,
        name: queue.name,
        ronaTimeoutSeconds: String(queue.ronaTimeoutSeconds),
        maxWaitSeconds: queue.maxWaitSeconds ? String(queue.maxWaitSeconds) : '',
        strategy: queue.strategy,
        waitingNoticeSeconds: queue.waitingNoticeSeconds == null ? '' : String(queue.waitingNoticeSeconds),
        waitingNoticeText: queue.waitingNoticeText ?? '',
        inactivityWarningSeconds: queue.inactivityWarningSeconds == null ? '' : String(queue.inactivityWarningSeconds),
        inactivityGraceSeconds: queue.inactivityGraceSeconds == null ? '' : String(queue.inactivityGraceSeconds),
        hours: hoursForm(queue.businessHours),
      },
    });

  const askDelete = async (queue: Queue) => {
    setNotice(null);
    setActionFailure(null);
    try {
      setDeleting(await api.queue(queue.id)); // with liveChats: what the deletion interrupts
    } catch (error) {
      setActionFailure(error);
      reload();
    }
  };

  return (
    <section aria-label={t('admin:section.queues')}>
      <Toolbar>
        <button type="button" class="primary" data-testid="admin-queue-new" onClick={() => setEditing({ form: EMPTY, isNew: true })}>
          {t('admin:queues.new')}
        </button>
      </Toolbar>
      {notice && (
        <p class="admin-ok" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
      <Failure failure={failure ?? actionFailure} />
      {editing && (
        <QueueEditor
          api={api}
          initial={editing.form}
          isNew={editing.isNew}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t('admin:queues.saved', { name: saved.name }));
              reload();
            }
          }}
        />
      )}
      {data && data.length === 0 && <p class="muted">{t('admin:queues.none')}</p>}
      {data && data.length > 0 && (
        <AdminTable testId="admin-queue-table" columns={[t('admin:queues.name'), t('admin:queues.id'), t('admin:queues.rona'), t('admin:queues.maxWait'), t('admin:queues.waiting')]}>
          {data.map((queue) => (
            <tr key={queue.id} data-testid={`admin-queue-row-${queue.id}`}>
              <th scope="row">{queue.name}</th>
              <td>{queue.id}</td>
              <td>{t('admin:seconds', { count: queue.ronaTimeoutSeconds })}</td>
              <td>{queue.maxWaitSeconds ? t('admin:seconds', { count: queue.maxWaitSeconds }) : t('admin:queues.noMaxWait')}</td>
              <td>{queue.waitingChats}</td>
              <td class="admin-actions">
                <EditButton name={queue.name} testId={`admin-queue-edit-${queue.id}`} onClick={() => edit(queue)} />
                <DeleteButton name={queue.name} testId={`admin-queue-delete-${queue.id}`} onClick={() => askDelete(queue)} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {deleting && (
        <DeleteQueueDialog
          api={api}
          queue={deleting}
          onDone={(deleted) => {
            setDeleting(null);
            if (deleted) {
              setNotice(t('admin:queues.deleted', { name: deleting.name }));
              reload();
            }
          }}
        />
      )}
    </section>
  );
}

function QueueEditor({ api, initial, isNew, onDone }: { api: AdminApi; initial: QueueForm; isNew: boolean; onDone: (saved: Queue | null) => void }) {
  const t = useT();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof QueueForm) => (value: string) => setForm({ ...form, [field]: value });

  const save = async () => {
    const value = checkedValue(checkQueue(form), setErrors);
    if (!value) return;
    setBusy(true);
    try {
      onDone(await api.putQueue(value.id, value.request));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <EditForm prefix="admin-queue" label={isNew ? t('admin:queues.new') : t('admin:editNamed', { name: initial.name })}
      busy={busy} onSave={save} onCancel={() => onDone(null)}>
      <Field id="admin-queue-id" label={t('admin:queues.id')} value={form.id} onInput={set('id')} error={errors.id} disabled={!isNew} hint={t('admin:hint.id')} />
      <Field id="admin-queue-name" label={t('admin:queues.name')} value={form.name} onInput={set('name')} error={errors.name} />
      <Field id="admin-queue-rona" label={t('admin:queues.ronaLabel')} type="number" value={form.ronaTimeoutSeconds} onInput={set('ronaTimeoutSeconds')} error={errors.ronaTimeoutSeconds} hint={t('admin:hint.rona')} />
      <Field id="admin-queue-maxwait" label={t('admin:queues.maxWaitLabel')} type="number" value={form.maxWaitSeconds} onInput={set('maxWaitSeconds')} error={errors.maxWaitSeconds} hint={t('admin:hint.maxWait')} />
      <Field id="admin-queue-notice" label={t('admin:queues.waitingNoticeLabel')} type="number" value={form.waitingNoticeSeconds} onInput={set('waitingNoticeSeconds')} error={errors.waitingNoticeSeconds} hint={t('admin:hint.waitingNotice')} />
      <Field id="admin-queue-notice-text" label={t('admin:queues.waitingNoticeTextLabel')} value={form.waitingNoticeText} onInput={set('waitingNoticeText')} error={errors.waitingNoticeText} hint={t('admin:hint.waitingNoticeText')} multiline />
      <Field id="admin-queue-inactivity-warning" label={t('admin:queues.inactivityWarningLabel')} type="number" value={form.inactivityWarningSeconds} onInput={set('inactivityWarningSeconds')} error={errors.inactivityWarningSeconds} hint={t('admin:hint.inactivityWarning')} />
      <Field id="admin-queue-inactivity-grace" label={t('admin:queues.inactivityGraceLabel')} type="number" value={form.inactivityGraceSeconds} onInput={set('inactivityGraceSeconds')} error={errors.inactivityGraceSeconds} hint={t('admin:hint.inactivityGrace')} />
      <div class="admin-field">
        <label for="admin-queue-strategy">{t('admin:queues.strategy')}</label>
        <select id="admin-queue-strategy" data-testid="admin-queue-strategy" value={form.strategy}
          onChange={(e) => set('strategy')((e.target as HTMLSelectElement).value)}>
          {STRATEGIES.map((strategy) => (
            <option key={strategy} value={strategy}>
              {t(`admin:strategy.${strategy}`)}
            </option>
          ))}
        </select>
      </div>
      {form.hours && (
        <HoursFields hours={form.hours} errors={errors} onChange={(hours) => setForm({ ...form, hours })} />
      )}
      <Failure failure={failure} />
    </EditForm>
  );
}

/** Business hours: on or off, the time zone, per weekday an opening and a closing time, the holidays. */
function HoursFields({ hours, errors, onChange }: { hours: HoursForm; errors: FieldErrors; onChange: (hours: HoursForm) => void }) {
  const t = useT();
  const setDay = (day: string, field: 'opens' | 'closes', value: string) =>
    onChange({ ...hours, days: { ...hours.days, [day]: { ...hours.days[day], [field]: value } } });
  return (
    <fieldset class="admin-hours" data-testid="admin-queue-hours">
      <legend>{t('admin:hours.title')}</legend>
      <div class="admin-field">
        <label>
          <input type="checkbox" data-testid="admin-queue-hours-enabled" checked={hours.enabled}
            onChange={(e) => onChange({ ...hours, enabled: (e.target as HTMLInputElement).checked })} />{' '}
          {t('admin:hours.enabled')}
        </label>
        <span class="muted admin-hint">{t('admin:hours.enabledHint')}</span>
      </div>
      {hours.enabled && (
        <>
          <Field id="admin-queue-timezone" label={t('admin:hours.timeZone')} value={hours.timeZone}
            onInput={(timeZone) => onChange({ ...hours, timeZone })} error={errors.timeZone} hint={t('admin:hint.timeZone')} />
          <table class="admin-table admin-hours-table">
            <caption class="muted">{t('admin:hint.hours')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin:hours.day')}</th>
                <th scope="col">{t('admin:hours.opens')}</th>
                <th scope="col">{t('admin:hours.closes')}</th>
              </tr>
            </thead>
            <tbody>
              {DAYS.map((day) => (
                <tr key={day}>
                  <th scope="row" id={`admin-hours-${day}`}>{t(`admin:day.${day}`)}</th>
                  {(['opens', 'closes'] as const).map((field) => (
                    <td key={field}>
                      <input type="time" data-testid={`admin-hours-${day}-${field}`} value={hours.days[day][field]}
                        aria-label={t(`admin:hours.${field}Named`, { day: t(`admin:day.${day}`) })}
                        aria-invalid={errors[`day-${day}`] ? 'true' : undefined}
                        aria-describedby={errors[`day-${day}`] ? `admin-hours-${day}-error` : undefined}
                        onInput={(e) => setDay(day, field, (e.target as HTMLInputElement).value)} />
                    </td>
                  ))}
                  {errors[`day-${day}`] && (
                    <td class="form-error" id={`admin-hours-${day}-error`}>{t(`admin:error.${errors[`day-${day}`]}`)}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <Field id="admin-queue-holidays" label={t('admin:hours.holidays')} value={hours.holidays}
            onInput={(holidays) => onChange({ ...hours, holidays })} error={errors.holidays} hint={t('admin:hint.holidays')} />
        </>
      )}
    </fieldset>
  );
}

/** The article's interruption, said before it happens: how many live chats deleting the queue interrupts. */
function DeleteQueueDialog({ api, queue, onDone }: { api: AdminApi; queue: Queue; onDone: (deleted: boolean) => void }) {
  const t = useT();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const live = queue.liveChats ?? 0;
  const confirm = async () => {
    setBusy(true);
    try {
      await api.deleteQueue(queue.id);
      onDone(true);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('admin:queues.deleteTitle', { name: queue.name })} onClose={() => onDone(false)} testId="admin-delete-dialog" initialFocus="[data-testid=admin-delete-cancel]">
      <p data-testid="admin-delete-message">
        {live === 0 ? t('admin:queues.deleteNoChats') : t('admin:queues.deleteInterrupts', { count: live })}
      </p>
      <Failure failure={failure} />
      <div class="lc-dialog-buttons">
        <button type="button" data-testid="admin-delete-cancel" onClick={() => onDone(false)}>
          {t('admin:cancel')}
        </button>
        <button type="button" class="danger" data-testid="admin-delete-confirm" disabled={busy} onClick={confirm}>
          {t('admin:queues.deleteConfirm', { count: live })}
        </button>
      </div>
    </Dialog>
  );
}
