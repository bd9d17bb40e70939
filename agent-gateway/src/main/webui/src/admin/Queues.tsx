import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { Dialog } from '../desktop/conversation/Dialog';
import type { AdminApi, Queue } from './api';
import { checkQueue, STRATEGIES, type FieldErrors, type QueueForm } from './forms';
import { AdminTable, checkedValue, DeleteButton, EditButton, EditForm, Failure, Field, Toolbar, useAction, useLoaded } from './common';

const EMPTY: QueueForm = { id: '', name: '', ronaTimeoutSeconds: '30', maxWaitSeconds: '', strategy: STRATEGIES[0] };

/** Queues: list, create, edit (RONA, maximum wait, strategy), delete after a confirmation naming its live chats. */
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
      <Failure failure={failure} />
    </EditForm>
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
