import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './api/apollo-client';
import { App } from './app';
import { initI18n } from './i18n/i18n';
import './app.css';

initI18n();
const apollo = createApolloClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={apollo}>
      <App apollo={apollo} />
    </ApolloProvider>
  </StrictMode>,
);
