import { useTranslation } from 'react-i18next';

interface Props {
  kind: 'unreachable' | 'map';
  url: string;
  detail: string;
  onRetry(): void;
}

/** A blocking, readable error over the map, with a retry. */
export function ErrorPanel({ kind, url, detail, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <div className="error-overlay">
      <div className="error-box" role="alert" data-testid="error-box">
        <div className="error-icon" aria-hidden="true">
          !
        </div>
        <h2>{kind === 'map' ? t('error.mapTitle') : t('error.unreachableTitle')}</h2>
        <p>{kind === 'map' ? t('error.mapBody') : t('error.unreachableBody', { url })}</p>
        <details>
          <summary>{t('error.detail')}</summary>
          <code>{detail}</code>
        </details>
        <button type="button" className="button-primary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      </div>
    </div>
  );
}
