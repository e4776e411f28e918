import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ME_QUERY } from './login.queries';

interface Props {
  onLogout(): void;
}

/** Who is logged in (name, role, scope) and the logout button, for the header. */
export function UserMenu({ onLogout }: Props) {
  const { t } = useTranslation();
  const { data } = useQuery(ME_QUERY);
  const me = data?.me;
  return (
    <span className="user-menu">
      {me && (
        <span className="user-name" data-testid="user-name" title={me.scope.name}>
          {me.username} · {t(`roles.${me.role}`, { defaultValue: me.role })}
        </span>
      )}
      <button type="button" className="button-quiet" data-testid="logout" onClick={onLogout}>
        {t('login.logout')}
      </button>
    </span>
  );
}
