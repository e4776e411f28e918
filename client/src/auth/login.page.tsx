import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApolloClient } from '@apollo/client';
import { isChinese, setLocale } from '../i18n/i18n';
import { LOGIN_MUTATION } from './login.queries';
import { isUnauthenticated } from './session';

interface Props {
  apollo: ApolloClient;
  onLoggedIn(token: string): void;
}

type Failure = null | 'credentials' | 'refused' | 'unreachable';

/** The login screen: username and password, a language switch, nothing else. */
export function LoginPage({ apollo, onLoggedIn }: Props) {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ kind: Failure; detail: string }>({
    kind: null,
    detail: '',
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure({ kind: null, detail: '' });
    try {
      const result = await apollo.mutate({
        mutation: LOGIN_MUTATION,
        variables: { username: username.trim(), password },
      });
      const token = result.data?.login.token;
      if (!token) throw new Error('login answered without a token');
      onLoggedIn(token);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const kind: Failure = isUnauthenticated(error)
        ? detail === 'wrong username or password'
          ? 'credentials'
          : 'refused'
        : 'unreachable';
      setFailure({ kind, detail });
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <form className="login-box" onSubmit={submit} data-testid="login-form">
        <div className="login-brand">
          <h1>{t('app.name')}</h1>
          <span>{t('app.tagline')}</span>
        </div>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {failure.kind && (
          <p className="login-error" role="alert" data-testid="login-error">
            {failure.kind === 'credentials'
              ? t('login.wrongCredentials')
              : failure.kind === 'refused'
                ? t('login.refused', { detail: failure.detail })
                : t('login.unreachable', { detail: failure.detail })}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <button
          type="button"
          className="login-language"
          onClick={() => setLocale(isChinese(i18n.language) ? 'en' : 'zh-CN')}
        >
          {t('header.switchLanguage')}
        </button>
      </form>
    </div>
  );
}
