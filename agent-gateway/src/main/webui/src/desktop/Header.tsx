import { useT } from '../i18n/preact';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { IdleCode } from './api';
import { stateKey, type ConnectionStatus } from './store';
import type { PresenceView } from './frames';
import { formatDuration } from './conversation';
import { useNow } from './timers';

export interface HeaderProps {
  displayName: string;
  presence: PresenceView | null;
  stateSince: number | null;
  idleCodes: IdleCode[];
  connection: ConnectionStatus;
  onChangeState: (key: string) => void;
  onOpenHistory: () => void;
  onLogout: () => void;
}

/**
 * The selector's options: the states an agent may ask for, plus the real current state when it is one they may
 * not choose (RONA, or an idle code no longer in the list), so the selector always shows the truth.
 */
export function stateOptions(presence: PresenceView | null, idleCodes: IdleCode[]): { value: string; label?: string; disabled?: boolean }[] {
  const options: { value: string; label?: string; disabled?: boolean }[] = [{ value: 'AVAILABLE' }];
  idleCodes.forEach((idle) => options.push({ value: stateKey('IDLE', idle.code), label: idle.label }));
  const current = presence ? stateKey(presence.state, presence.idleCode) : 'LOGGED_OUT';
  if (presence?.state === 'IDLE' && !options.some((o) => o.value === current)) {
    options.push({ value: current, label: presence.idleCode });
  }
  if (presence?.state === 'IDLE' && !presence.idleCode) options.push({ value: 'IDLE' });
  if (current === 'RONA') options.push({ value: 'RONA', disabled: true });
  options.push({ value: 'LOGGED_OUT' });
  return options;
}

export function Header(props: HeaderProps) {
  const t = useT();
  const now = useNow();
  const { presence } = props;
  const current = presence ? stateKey(presence.state, presence.idleCode) : 'LOGGED_OUT';
  const optionLabel = (option: { value: string; label?: string }) =>
    option.value.startsWith('IDLE') ? t('state.idle', { label: option.label ?? t('state.IDLE') }) : t(`state.${option.value}`);

  return (
    <header class="desk-header">
      <div class="desk-agent">
        <span class="desk-agent-name" data-testid="agent-name">
          {props.displayName}
        </span>
        <span
          class={`connection connection-${props.connection}`}
          data-testid="connection-status"
          data-status={props.connection}
          role="status"
        >
          {t(`connection.${props.connection}`)}
        </span>
      </div>
      <div class="desk-state">
        <label class="field-inline">
          <span>{t('state.label')}</span>
          <select
            data-testid="agent-state"
            class={`state-select state-${presence?.state ?? 'LOGGED_OUT'}`}
            value={current}
            onChange={(event) => {
              const select = event.target as HTMLSelectElement;
              const wanted = select.value;
              // The selector shows the real state: it moves when the agent-state frame confirms the change.
              select.value = current;
              if (wanted !== current) props.onChangeState(wanted);
            }}
          >
            {stateOptions(presence, props.idleCodes).map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {optionLabel(option)}
              </option>
            ))}
          </select>
        </label>
        <span class="desk-metric">
          <span class="metric-label">{t('state.timeInState')}</span>
          <span data-testid="state-timer" class="metric-value">
            {props.stateSince === null ? '–' : formatDuration(now - props.stateSince)}
          </span>
        </span>
        <span class="desk-metric">
          <span class="metric-label">{t('capacity.label')}</span>
          <span data-testid="capacity" class="metric-value" title={t('capacity.title')}>
            {presence ? `${presence.activeChats}/${presence.capacity}` : '–'}
          </span>
        </span>
      </div>
      <div class="desk-tools">
        <button type="button" data-testid="history-open" onClick={props.onOpenHistory} aria-keyshortcuts="Alt+Shift+H">
          {t('history.open')}
        </button>
        <LanguageSwitch />
        <button type="button" data-testid="logout" onClick={props.onLogout}>
          {t('logout')}
        </button>
      </div>
    </header>
  );
}

/** RONA: a banner no agent can miss, with the one action that ends it. */
export function RonaBanner({ onBecomeAvailable }: { onBecomeAvailable: () => void }) {
  const t = useT();
  return (
    <div class="rona-banner" data-testid="rona-banner" role="alert">
      <div>
        <strong>{t('rona.title')}</strong>
        <p>{t('rona.text')}</p>
      </div>
      <button type="button" class="primary" data-testid="become-available" onClick={onBecomeAvailable}>
        {t('rona.becomeAvailable')}
      </button>
    </div>
  );
}
