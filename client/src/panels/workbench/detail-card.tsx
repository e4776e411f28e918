import type { ReactNode } from 'react';
import { Button, Descriptions } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  testId: string;
  title: string;
  onZoom(): void;
  facts: NonNullable<DescriptionsProps['items']>;
  children?: ReactNode;
}

/** A panel card: a title with a zoom-to button, a table of facts, then anything else. */
export function DetailCard({ testId, title, onZoom, facts, children }: Props) {
  const { t } = useTranslation();
  return (
    <section className="wb-card" data-testid={testId} aria-label={title}>
      <header className="wb-card-head">
        <h3>{title}</h3>
        <Button size="small" onClick={onZoom}>
          {t('panels.card.zoom')}
        </Button>
      </header>
      <Descriptions size="small" column={1} bordered items={facts} />
      {children}
    </section>
  );
}
