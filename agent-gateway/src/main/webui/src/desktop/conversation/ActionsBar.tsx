import { useT } from '../../i18n/preact';

/** What the agent may do now; the shell derives it from the participation state (see docs/api/gateway.md). */
export interface ConversationActions {
  /** ACTIVE (accepted, not in a conference) and the conversation CONNECTED. */
  canTransfer: boolean;
  canConference: boolean;
  /** The agent's participation is CONFERENCE. */
  inConference: boolean;
  /** ACTIVE, CONFERENCE_REQUESTED or CONFERENCE. */
  canEnd: boolean;
}

export interface ActionsBarProps extends ConversationActions {
  onTransfer: () => void;
  onConference: () => void;
  onEndConference: () => void;
  onEnd: () => void;
}

/** Transfer, Conference, End conference (only in a conference), End. */
export function ActionsBar({ canTransfer, canConference, inConference, canEnd, onTransfer, onConference, onEndConference, onEnd }: ActionsBarProps) {
  const t = useT();
  return (
    <div class="lc-actions" role="group" aria-label={t('conversation:actions.label')}>
      <button type="button" class="lc-button" data-testid="transfer-open" disabled={!canTransfer} onClick={onTransfer}>
        {t('conversation:actions.transfer')}
      </button>
      <button type="button" class="lc-button" data-testid="conference-open" disabled={!canConference} onClick={onConference}>
        {t('conversation:actions.conference')}
      </button>
      {inConference && (
        <button type="button" class="lc-button" data-testid="end-conference" onClick={onEndConference}>
          {t('conversation:actions.endConference')}
        </button>
      )}
      <button type="button" class="lc-button lc-button-danger" data-testid="end-conversation" disabled={!canEnd} onClick={onEnd}>
        {t('conversation:actions.end')}
      </button>
    </div>
  );
}
