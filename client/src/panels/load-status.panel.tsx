import { useTranslation } from 'react-i18next';

/** Reading the territory and levels, then drawing the first tiles. */
export type LoadPhase = 'setup' | 'drawing';

interface Props {
  phase: LoadPhase;
}

/** The loading pill over the map: which step. */
export function LoadStatusPanel({ phase }: Props) {
  const { t } = useTranslation();
  return (
    <div className="load-status" role="status" aria-live="polite" data-testid="load-status">
      <span className="spinner" aria-hidden="true" />
      <div className="load-text">
        <span className="load-label">{t(`loading.${phase}`)}</span>
      </div>
    </div>
  );
}
