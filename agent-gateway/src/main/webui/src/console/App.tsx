import { useState } from 'preact/hooks';
import { Login } from '../desktop/Login';
import { clearSession, loadSession, saveSession, type Session } from '../desktop/persistence';
import { Console } from './Console';

/** The desktop's login (same session storage: a reload stays signed in), then the console. */
export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [signedOut, setSignedOut] = useState(false);
  if (!session) {
    return (
      <Login
        signedOut={signedOut}
        onLoggedIn={(result) => {
          saveSession(result);
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
  return <Console key={session.token} session={session} onLogout={() => end(false)} onSignedOut={() => end(true)} />;
}
