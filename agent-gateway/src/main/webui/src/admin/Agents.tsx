import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import type { Account, AdminApi, Queue, RoutingAgent } from './api';
import { checkAgent, ROLES, type AgentForm, type FieldErrors } from './forms';
import { AdminTable, checkedValue, EditButton, EditForm, Failure, Field, Toolbar, useAction, useLoaded } from './common';

interface Row {
  id: string;
  agent: RoutingAgent | null;
  account: Account | null;
}

/**
 * Agents (routing: queues served, capacity) and their accounts (gateway: roles, password, disabled), side by side:
 * an agent can only sign in with an account of the same id.
 */
export function Agents({ api, self }: { api: AdminApi; self: string }) {
  const t = useT();
  const { data, failure, reload } = useLoaded(() => Promise.all([api.agents(), api.accounts(), api.queues()]));
  const [form, setForm] = useState<(AgentForm & { isNew: boolean }) | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { actionFailure, setActionFailure, run } = useAction(reload);

  const rows: Row[] = [];
  if (data) {
    const [agents, accounts] = data;
    const ids = [...new Set([...agents.map((a) => a.id), ...accounts.map((a) => a.agentId)])].sort();
    for (const id of ids) {
      rows.push({ id, agent: agents.find((a) => a.id === id) ?? null, account: accounts.find((a) => a.agentId === id) ?? null });
    }
  }
  const queues: Queue[] = data ? data[2] : [];

  const open = (row: Row | null) => {
    setErrors({});
    setActionFailure(null);
    setForm({
      isNew: row === null,
      id: row?.id ?? '',
      displayName: row?.agent?.displayName ?? row?.account?.displayName ?? '',
      queueIds: row?.agent?.queueIds ?? [],
      capacity: String(row?.agent?.capacity ?? 3),
      roles: row?.account?.roles ?? ['agent'],
      password: '',
      disabled: row?.account?.disabled ?? false,
    });
  };
  const save = () => {
    if (!form) return;
    const value = checkedValue(checkAgent(form), setErrors);
    if (!value) return;
    run(async () => {
      await api.putAgent(value.id, value.displayName, value.queueIds, value.capacityValue);
      await api.putAccount(value.id, value.displayName, value.password, value.roles, value.disabled);
    }, () => setForm(null));
  };
  const disable = (id: string) => run(() => api.disableAccount(id));
  const toggle = (list: string[], item: string, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

  return (
    <section aria-label={t('admin:section.agents')}>
      <Toolbar>
        <button type="button" class="primary" data-testid="admin-agent-new" onClick={() => open(null)}>
          {t('admin:agents.new')}
        </button>
      </Toolbar>
      <Failure failure={failure ?? actionFailure} />
      {form && (
        <EditForm prefix="admin-agent" label={t('admin:agents.new')} onSave={save} onCancel={() => setForm(null)}>
          <Field id="admin-agent-id" label={t('admin:agents.id')} value={form.id} disabled={!form.isNew}
            onInput={(id) => setForm({ ...form, id })} error={errors.id} hint={t('admin:hint.id')} />
          <Field id="admin-agent-name" label={t('admin:agents.name')} value={form.displayName}
            onInput={(displayName) => setForm({ ...form, displayName })} error={errors.displayName} />
          <Field id="admin-agent-capacity" label={t('admin:agents.capacity')} type="number" value={form.capacity}
            onInput={(capacity) => setForm({ ...form, capacity })} error={errors.capacity} hint={t('admin:hint.capacity')} />
          <fieldset class="admin-fieldset">
            <legend>{t('admin:agents.queues')}</legend>
            <ul class="admin-checks">
              {queues.map((queue) => (
                <li key={queue.id}>
                  <label>
                    <input type="checkbox" data-testid={`admin-agent-queue-${queue.id}`} checked={form.queueIds.includes(queue.id)}
                      onChange={(e) => setForm({ ...form, queueIds: toggle(form.queueIds, queue.id, (e.target as HTMLInputElement).checked) })} />
                    {queue.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset class="admin-fieldset" aria-describedby={errors.roles ? 'admin-agent-roles-error' : undefined}>
            <legend>{t('admin:agents.roles')}</legend>
            <ul class="admin-checks">
              {ROLES.map((role) => (
                <li key={role}>
                  <label>
                    <input type="checkbox" data-testid={`admin-agent-role-${role}`} checked={form.roles.includes(role)}
                      onChange={(e) => setForm({ ...form, roles: toggle(form.roles, role, (e.target as HTMLInputElement).checked) })} />
                    {t(`admin:role.${role}`)}
                  </label>
                </li>
              ))}
            </ul>
            {errors.roles && (
              <span id="admin-agent-roles-error" class="form-error">
                {t('admin:error.roles')}
              </span>
            )}
          </fieldset>
          <Field id="admin-agent-password" label={t('admin:agents.password')} type="password" value={form.password}
            onInput={(password) => setForm({ ...form, password })} error={errors.password} hint={t('admin:hint.password')} />
          <label class="admin-inline-check">
            <input type="checkbox" data-testid="admin-agent-disabled" checked={form.disabled} disabled={form.id === self}
              onChange={(e) => setForm({ ...form, disabled: (e.target as HTMLInputElement).checked })} />
            {t('admin:agents.disabled')}
          </label>
        </EditForm>
      )}
      {rows.length > 0 && (
        <AdminTable testId="admin-agent-table" columns={[t('admin:agents.name'), t('admin:agents.id'), t('admin:agents.queues'), t('admin:agents.capacity'), t('admin:agents.roles'), t('admin:agents.account')]}>
          {rows.map((row) => {
            const name = row.agent?.displayName ?? row.account?.displayName ?? row.id;
            return (
              <tr key={row.id} data-testid={`admin-agent-row-${row.id}`}>
                <th scope="row">{name}</th>
                <td>{row.id}</td>
                <td>{row.agent ? row.agent.queueIds.join(', ') || '—' : t('admin:agents.notRouted')}</td>
                <td>{row.agent?.capacity ?? '—'}</td>
                <td>{row.account ? row.account.roles.map((role) => t(`admin:role.${role}`)).join(', ') : '—'}</td>
                <td>{!row.account ? t('admin:agents.noAccount') : row.account.disabled ? t('admin:agents.isDisabled') : t('admin:agents.active')}</td>
                <td class="admin-actions">
                  <EditButton name={name} testId={`admin-agent-edit-${row.id}`} onClick={() => open(row)} />
                  {row.account && !row.account.disabled && row.id !== self && (
                    <button type="button" class="danger" data-testid={`admin-agent-disable-${row.id}`}
                      aria-label={t('admin:agents.disableNamed', { name })} onClick={() => disable(row.id)}>
                      {t('admin:agents.disable')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </AdminTable>
      )}
    </section>
  );
}
