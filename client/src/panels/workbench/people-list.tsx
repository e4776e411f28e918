import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isMasked } from './labels';
import type { PersonOnGrid } from './queries';

/** A grid's people: role, name and phone as the API gives it (masked for some roles). */
export function PeopleList({ people, empty }: { people: PersonOnGrid[]; empty: string }) {
  const { t } = useTranslation();
  if (people.length === 0) return <span className="wb-muted">{empty}</span>;
  return (
    <ul className="wb-people">
      {people.map((a) => (
        <li key={a.id} data-testid="person">
          <Tag className="wb-role">
            {t(`panels.assignmentRoles.${a.role}`, { defaultValue: a.role })}
          </Tag>
          <span className="wb-person-name">{a.person?.name ?? '—'}</span>
          {a.person?.phone &&
            (isMasked(a.person.phone) ? (
              <Tooltip title={t('panels.card.phoneMasked')}>
                <span className="wb-phone wb-phone-masked">{a.person.phone}</span>
              </Tooltip>
            ) : (
              <a className="wb-phone" href={`tel:${a.person.phone}`}>
                {a.person.phone}
              </a>
            ))}
        </li>
      ))}
    </ul>
  );
}
