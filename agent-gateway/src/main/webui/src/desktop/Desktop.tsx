import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import type { IdleCode } from './api';
import { askNotificationPermission, beep, notify } from './alerts';
import { DesktopController } from './controller';
import { Header, RonaBanner } from './Header';
import { History } from './History';
import { OfferPopup } from './OfferPopup';
import { ConversationArea } from './ConversationArea';
import type { TemplateSelection, TemplateView } from './conversation';
import { loadSelected, type Session } from './persistence';
import { offerThread } from './store';
import { useStore } from './storeHook';
import { Tabs } from './Tabs';

export interface DesktopProps {
  session: Session;
  onLogout: () => void;
  onSignedOut: () => void;
}

/** The agent desktop once logged in: header, offer pop-up, tabs and the selected conversation, history. */
export function Desktop({ session, onLogout, onSignedOut }: DesktopProps) {
  const t = useT();
  const controller = useMemo(() => new DesktopController(session, onSignedOut, loadSelected()), [session]);
  const state = useStore(controller.store);
  const [idleCodes, setIdleCodes] = useState<IdleCode[]>([]);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const alerted = useRef(new Set<string>());
  // The chosen template per conversation, kept while the agent switches tabs.
  const [templateSelections, setTemplateSelections] = useState<Record<string, TemplateSelection>>({});

  useEffect(() => {
    controller.start();
    controller.idleCodes().then(setIdleCodes);
    controller.api.get<TemplateView[]>('/api/templates').then(setTemplates, () => setTemplates([]));
    return () => controller.stop();
  }, [controller]);

  const offer = state.offers[0] ?? null;

  // Every new live offer: sound, notification (when the page is hidden), live region. Once per offer.
  useEffect(() => {
    for (const pending of state.offers) {
      if (alerted.current.has(pending.offerId)) continue;
      alerted.current.add(pending.offerId);
      const text = t('offer.announce', {
        customer: pending.customerName ?? t('offer.unknownCustomer'),
        queue: pending.queueName ?? pending.queueId ?? '',
      });
      setAnnouncement(text);
      if (!pending.live) continue;
      beep();
      if (document.hidden) notify(t('offer.title'), text, pending.offerId);
    }
  }, [state.offers]);

  // The title says there is a request waiting, so a background tab shows it.
  useEffect(() => {
    const base = t('title');
    document.title = state.offers.length > 0 ? t('offer.documentTitle', { count: state.offers.length, title: base }) : base;
  }, [state.offers.length, t('title')]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey) return;
      const current = controller.store.state.offers[0];
      if (event.code === 'KeyA' && current) controller.accept(current.offerId);
      else if (event.code === 'KeyD' && current) controller.decline(current.offerId);
      else if (event.code === 'KeyH') setHistoryOpen(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller]);

  const selected = state.selectedId ? state.conversations[state.selectedId] : null;
  const logout = () => controller.logout().then(onLogout);

  return (
    <div class="desktop">
      <Header
        displayName={state.displayName ?? session.displayName}
        presence={state.presence}
        stateSince={state.stateSince}
        idleCodes={idleCodes}
        connection={state.connection}
        onChangeState={(key) => {
          askNotificationPermission();
          controller.changeState(key);
        }}
        onOpenHistory={() => setHistoryOpen(true)}
        onLogout={logout}
      />
      {state.presence?.state === 'RONA' && <RonaBanner onBecomeAvailable={() => controller.changeState('AVAILABLE')} />}
      {state.error && (
        <div class="error-banner" data-testid="error-banner" role="alert">
          <span>{state.error.message ?? t(`error.${state.error.code === 'NETWORK' || state.error.code === 'SERVICE_UNAVAILABLE' ? state.error.code : 'generic'}`)}</span>
          <button type="button" onClick={() => controller.dismissError()}>
            {t('error.dismiss')}
          </button>
        </div>
      )}
      <div class="sr-only" aria-live="assertive" data-testid="offer-announcer">
        {announcement}
      </div>
      {offer && (
        <OfferPopup
          key={offer.offerId}
          offer={offer}
          more={state.offers.length - 1}
          thread={offerThread(state, offer)}
          agentId={session.agentId}
          onAccept={() => controller.accept(offer.offerId)}
          onDecline={() => controller.decline(offer.offerId)}
        />
      )}
      <main class="workspace">
        <Tabs
          conversations={state.tabs.map((id) => state.conversations[id]).filter(Boolean)}
          selectedId={state.selectedId}
          onSelect={(id) => controller.select(id)}
        />
        <div id="conversation-panel" role="tabpanel" class="panel" aria-labelledby={selected ? `tab-${selected.id}` : undefined}>
          {selected ? (
            <ConversationArea
              key={selected.id}
              controller={controller}
              conversation={selected}
              agentId={session.agentId}
              agentName={state.displayName ?? session.displayName}
              connected={state.connection === 'connected'}
              templates={templates}
              pending={state.pending[selected.id] ?? []}
              templateSelection={templateSelections[selected.id]}
              onTemplateSelectionChange={(selection) =>
                setTemplateSelections((all) => ({ ...all, [selected.id]: selection }))
              }
            />
          ) : (
            <p class="empty-workspace">{t('workspace.empty')}</p>
          )}
        </div>
      </main>
      {historyOpen && <History api={controller.api} agentId={session.agentId} onClose={() => setHistoryOpen(false)} />}
    </div>
  );
}
