import { useState } from 'preact/hooks';
import { askNotificationPermission } from './alerts';
import { Desktop } from './Desktop';
import { Login } from './Login';
import { clearSession, loadSession, saveSession, type Session } from './persistence';

/** Login until there is a session (kept in sessionStorage, so a reload stays logged in), then the desktop. */
export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [signedOut, setSignedOut] = useState(false);
  if (!session) {
    return (
      <Login
        signedOut={signedOut}
        onLoggedIn={(result) => {
          saveSession(result);
          askNotificationPermission();
          setSignedOut(false);
          setSession(result);
        }}
      />
    );
  }
  const end = (revoked: boolean) => {
    clearSession();
    setSignedOut(revoked);
    setSession(null);
  };
  return <Desktop key={session.token} session={session} onLogout={() => end(false)} onSignedOut={() => end(true)} />;
}
