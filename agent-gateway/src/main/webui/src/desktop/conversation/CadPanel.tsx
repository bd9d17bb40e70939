import { useI18n, useT } from '../../i18n/preact';
import { formatDateTime } from './text';
import type { ConversationView } from './types';

export interface CadPanelProps {
  conversation: ConversationView;
}

/**
 * The customer and their CAD attributes. Values are shown exactly as the gateway sent them: masking happens in
 * the platform, so a masked value (`m******@gmail.com`) is displayed masked and never "unmasked" here.
 */
export function CadPanel({ conversation }: CadPanelProps) {
  const t = useT();
  const language = useI18n().language;
  return (
    // tabIndex: on narrow screens the panel scrolls (max-height), and a scrollable region must be reachable by keyboard.
    <section class="lc-cad" data-testid="cad-panel" aria-label={t('conversation:cad.title')} tabIndex={0}>
      <h3 class="lc-cad-title">{t('conversation:cad.title')}</h3>
      <dl class="lc-cad-list">
        <Row label={t('conversation:cad.customer')} value={conversation.customerName} name="customerName" />
        {conversation.queueName && <Row label={t('conversation:cad.queue')} value={conversation.queueName} name="queueName" />}
        {conversation.startedAt && (
          <Row label={t('conversation:cad.startedAt')} value={formatDateTime(conversation.startedAt, language)} name="startedAt" />
        )}
        {conversation.proactive && (
          <Row label={t('conversation:cad.origin')} value={t('conversation:cad.proactive')} name="proactive" />
        )}
        {conversation.cad.map((attribute) => (
          <Row key={attribute.name} label={attribute.name} value={attribute.value} name={attribute.name} />
        ))}
      </dl>
      {conversation.cad.length === 0 && <p class="lc-cad-empty">{t('conversation:cad.none')}</p>}
    </section>
  );
}

function Row({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <div class="lc-cad-row" data-testid="cad-attribute" data-name={name}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
