import { useT } from '../../i18n/preact';

/**
 * "No agent has been able to join you yet…": the queue's waiting notice (docs/events.md, "Waiting notice"), in the
 * queue's own words when it has some, else the widget's (EN/FR). Shown in place of the usual waiting line until an
 * agent joins.
 */
export function NoAgentNotice({ text }: { text: string | null }) {
  const t = useT();
  return (
    <p data-testid="no-agent-notice" class="no-agent-notice" role="status">
      {text ?? t('noAgentNotice')}
    </p>
  );
}
