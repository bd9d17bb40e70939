import { useT } from '../../i18n/preact';

/** Whole minutes shown for an estimated wait: rounded up, never "about 0 min". */
export function estimatedWaitMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * "(about N min)" next to the queue position: routing's estimated wait at that position (formula in
 * docs/events.md, "Estimated wait"). Nothing when routing had too little history to estimate.
 */
export function EstimatedWait({ seconds }: { seconds: number | null }) {
  const t = useT();
  if (seconds === null) return null;
  return (
    <span class="estimated-wait" data-testid="estimated-wait">
      {' '}
      {t('estimatedWait', { minutes: estimatedWaitMinutes(seconds) })}
    </span>
  );
}
