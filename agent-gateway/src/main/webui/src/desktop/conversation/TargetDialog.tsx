import { useEffect, useId, useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { Dialog } from './Dialog';
import { matchesSearch } from './text';
import type { TransferTargetView } from './types';

export interface TargetDialogProps {
  /** Queues and agents from `GET /api/transfer-targets` (agents only are used for a conference). */
  targets: TransferTargetView[];
  /** True while the shell reloads the list. */
  loading?: boolean;
  /** A translated message when the list could not be read. */
  error?: string | null;
  /** Read the list again (the gateway answers fresh every call). */
  onReload: () => void;
  onSubmit: (target: TransferTargetView) => void;
  onCancel: () => void;
  /** True while the request is on its way: submit disabled. */
  busy?: boolean;
}

type Kind = 'transfer' | 'conference';
type Mode = 'queue' | 'agent';

/** Transfer to a queue or an agent. */
export function TransferDialog(props: TargetDialogProps) {
  return <TargetDialog kind="transfer" {...props} />;
}

/** Invite an agent to a conference. */
export function ConferenceDialog(props: TargetDialogProps) {
  return <TargetDialog kind="conference" {...props} />;
}

/**
 * The shared body of both dialogs. What is submitted is the target shown as chosen: a target hidden by the
 * search or gone from a reloaded list is unchosen, never submitted unseen.
 */
function TargetDialog({ kind, targets, loading, error, onReload, onSubmit, onCancel, busy }: TargetDialogProps & { kind: Kind }) {
  const t = useT();
  const ids = { mode: useId(), search: useId(), list: useId() };
  const [mode, setMode] = useState<Mode>(kind === 'conference' ? 'agent' : 'queue');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<TransferTargetView | null>(null);
  const shown = targets.filter((target) => target.type === mode && matchesSearch(search, target.name, target.id));
  const stillShown = chosen && shown.find((target) => target.type === chosen.type && target.id === chosen.id);
  const selected = stillShown && stillShown.available !== false ? stillShown : null;
  useEffect(() => {
    if (chosen && !selected) setChosen(null); // hidden once is unchosen for good, not chosen again unseen
  }, [chosen, selected]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (selected && !busy) onSubmit(selected);
  };

  return (
    <Dialog title={t(`conversation:${kind}.title`)} onClose={onCancel} testId={`${kind}-dialog`} initialFocus="[data-initial-focus]">
      <form class="lc-target-form" onSubmit={submit}>
        {kind === 'transfer' && (
          <label class="lc-field" htmlFor={ids.mode}>
            <span class="lc-field-label">{t('conversation:transfer.mode')}</span>
            <select
              id={ids.mode}
              data-testid="transfer-mode"
              value={mode}
              data-initial-focus
              onChange={(event) => setMode((event.currentTarget as HTMLSelectElement).value as Mode)}
            >
              <option value="queue">{t('conversation:transfer.queue')}</option>
              <option value="agent">{t('conversation:transfer.agent')}</option>
            </select>
          </label>
        )}
        <div class="lc-target-search">
          <label class="lc-field" htmlFor={ids.search}>
            <span class="lc-field-label">{t(`conversation:${kind}.search.${mode}`)}</span>
            <input
              id={ids.search}
              type="search"
              data-testid={`${kind}-search`}
              value={search}
              autocomplete="off"
              data-initial-focus={kind === 'conference' ? true : undefined}
              onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="button" class="lc-button" data-testid={`${kind}-reload`} onClick={onReload} disabled={loading} aria-busy={loading ? 'true' : undefined}>
            {t('conversation:targets.reload')}
          </button>
        </div>
        {error && (
          <p class="lc-field-error" role="alert" data-testid="dialog-error">
            {error}
          </p>
        )}
        <fieldset class="lc-target-list" id={ids.list}>
          <legend class="lc-visually-hidden">{t(`conversation:targets.legend.${mode}`)}</legend>
          {loading && shown.length === 0 ? (
            <p class="lc-target-empty">{t('conversation:targets.loading')}</p>
          ) : shown.length === 0 ? (
            <p class="lc-target-empty">{t(`conversation:targets.empty.${mode}`)}</p>
          ) : (
            shown.map((target) => (
              <TargetOption
                key={`${target.type}:${target.id}`}
                kind={kind}
                target={target}
                checked={selected?.id === target.id}
                onChoose={() => setChosen(target)}
              />
            ))
          )}
        </fieldset>
        <p class="lc-target-selected" aria-live="polite" data-testid={`${kind}-selected`}>
          {selected ? t('conversation:targets.selected', { name: selected.name }) : ''}
        </p>
        <div class="lc-dialog-buttons">
          <button type="button" class="lc-button" data-testid="dialog-cancel" onClick={onCancel}>
            {t('conversation:dialog.cancel')}
          </button>
          <button type="submit" class="lc-button lc-button-primary" data-testid={`${kind}-submit`} disabled={!selected || busy}>
            {t(`conversation:${kind}.submit`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function TargetOption({ kind, target, checked, onChoose }: { kind: Kind; target: TransferTargetView; checked: boolean; onChoose: () => void }) {
  const t = useT();
  const unavailable = target.available === false;
  return (
    <label class={`lc-target${checked ? ' lc-target-checked' : ''}`} data-testid={`${kind}-target`} data-target-id={target.id}>
      <input type="radio" name={`${kind}-target`} value={target.id} checked={checked} disabled={unavailable} onChange={onChoose} />
      <span class="lc-target-name">{target.name}</span>
      {target.type === 'agent' && (
        <span class={`lc-target-availability${unavailable ? ' lc-target-unavailable' : ''}`}>
          {unavailable
            ? t('conversation:targets.unavailable')
            : t('conversation:targets.available', { active: target.activeChats ?? 0, capacity: target.capacity ?? 0 })}
        </span>
      )}
    </label>
  );
}
