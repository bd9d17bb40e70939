import { useT } from '../../i18n/preact';

/** "Agent is typing…": shown while the agent types (shared/typing.ts decides how long); no text of theirs. */
export function TypingBubble() {
  const t = useT();
  return (
    <p class="typing-bubble" data-testid="agent-typing" role="status">
      <span class="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {t('typing.agent')}
    </p>
  );
}
