import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './api/apollo-client';
import { App } from './app';
import { AuthGate } from './auth/auth-gate';
import { ViewerProvider } from './auth/viewer';
import { AntdLocale } from './i18n/antd-locale';
import { initI18n } from './i18n/i18n';
import './app.css';

initI18n();
const apollo = createApolloClient(window.localStorage);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={apollo}>
      <AntdLocale>
        <AuthGate apollo={apollo} store={window.localStorage}>
          {(logout) => (
            <ViewerProvider>
              <App apollo={apollo} onLogout={logout} />
            </ViewerProvider>
          )}
        </AuthGate>
      </AntdLocale>
    </ApolloProvider>
  </StrictMode>,
);
