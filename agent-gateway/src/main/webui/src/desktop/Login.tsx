import { useState } from 'preact/hooks';
import { useT } from '../i18n/preact';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ApiError, GatewayApi, type LoginResult } from './api';

const KNOWN_LOGIN_ERRORS = new Set(['BAD_CREDENTIALS', 'ACCOUNT_DISABLED', 'TOO_MANY_ATTEMPTS', 'NETWORK']);

/** The login screen: the gateway's POST /api/auth/login (also the admin console's, with its own `title`). */
export function Login({
  onLoggedIn,
  signedOut,
  title,
}: {
  onLoggedIn: (result: LoginResult) => void;
  signedOut: boolean;
  title?: string;
}) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('MISSING');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await GatewayApi.login(username.trim(), password));
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : 'NETWORK';
      setError(KNOWN_LOGIN_ERRORS.has(code) ? code : 'OTHER');
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">{title ?? t('login.title')}</h1>
        <p class="login-product">{t('common:product')}</p>
        {signedOut && !error && (
          <p class="notice" role="status">
            {t('login.signedOut')}
          </p>
        )}
        <label for="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          data-testid="login-username"
          autocomplete="username"
          value={username}
          onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          required
        />
        <label for="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          data-testid="login-password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          required
        />
        {error && (
          <p class="form-error" data-testid="login-error" role="alert">
            {t(`login.error.${error}`)}
          </p>
        )}
        <button type="submit" class="primary" data-testid="login-submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
