import { useMemo, useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Login } from '../desktop/Login';
import { clearSession, loadSession, saveSession, type Session } from '../desktop/persistence';
import { AdminApi } from './api';
import { Queues } from './Queues';
import { Agents } from './Agents';
import { Codes } from './Codes';
import { Templates } from './Templates';
import { Masking } from './Masking';
import { Privacy } from './Privacy';

export const SECTIONS = ['queues', 'agents', 'idleCodes', 'wrapUpReasons', 'templates', 'masking', 'privacy'] as const;
export type Section = (typeof SECTIONS)[number];

/** The /admin/ page: the shared login, then the console for an account with the role admin. */
export function AdminApp() {
  const t = useT();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [signedOut, setSignedOut] = useState(false);
  if (!session) {
    return (
      <Login
        title={t('admin:login')}
        signedOut={signedOut}
        onLoggedIn={(result) => {
          saveSession(result);
          setSignedOut(false);
          setSession(result);
        }}
      />
    );
  }
  const logout = (revoked: boolean) => {
    clearSession();
    setSignedOut(revoked);
    setSession(null);
  };
  return <Console key={session.token} session={session} onLogout={logout} />;
}

function Console({ session, onLogout }: { session: Session; onLogout: (revoked: boolean) => void }) {
  const t = useT();
  const [section, setSection] = useState<Section>('queues');
  const api = useMemo(() => new AdminApi(session.token), [session]);
  const isAdmin = session.roles.includes('admin');
  return (
    <div class="admin">
      <header class="admin-header">
        <h1>{t('admin:title')}</h1>
        <span class="admin-user" data-testid="admin-user">
          {session.displayName}
        </span>
        <LanguageSwitch />
        <button type="button" data-testid="admin-logout" onClick={() => onLogout(false)}>
          {t('admin:logout')}
        </button>
      </header>
      {!isAdmin ? (
        <main class="admin-main">
          <p class="form-error" role="alert" data-testid="admin-not-admin">
            {t('admin:notAdmin')}
          </p>
        </main>
      ) : (
        <div class="admin-body">
          <nav class="admin-nav" aria-label={t('admin:sections')}>
            <ul>
              {SECTIONS.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    data-testid={`admin-nav-${name}`}
                    aria-current={section === name ? 'page' : undefined}
                    onClick={() => setSection(name)}
                  >
                    {t(`admin:section.${name}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <main class="admin-main" aria-labelledby="admin-section-title">
            <h2 id="admin-section-title">{t(`admin:section.${section}`)}</h2>
            {section === 'queues' && <Queues api={api} />}
            {section === 'agents' && <Agents api={api} self={session.agentId} />}
            {section === 'idleCodes' && <Codes api={api} kind="idleCodes" />}
            {section === 'wrapUpReasons' && <Codes api={api} kind="wrapUpReasons" />}
            {section === 'templates' && <Templates api={api} />}
            {section === 'masking' && <Masking api={api} />}
            {section === 'privacy' && <Privacy api={api} />}
          </main>
        </div>
      )}
    </div>
  );
}
