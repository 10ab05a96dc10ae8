import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Where a page of an api list is: what every paged answer carries beside its items. */
interface PagePosition {
  total: number;
  limit: number;
  offset: number;
}

/** Where the reader is in a paged api list, with the previous and next page. Nothing when the list is empty. */
export function Pager({ page, label, onOffset }: { page: PagePosition; label?: string; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  const { total, limit, offset } = page;
  if (total === 0) return null;
  const current = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav aria-label={label ?? t('pager.label')} className="pager">
      <Paragraph data-size="sm" aria-live="polite">
        {t('pager.showing', { from: offset + 1, to: Math.min(offset + limit, total), total, page: current, pages })}
      </Paragraph>
      {pages > 1 && (
        <div className="row">
          <Button variant="secondary" data-size="sm" disabled={current === 1} onClick={() => onOffset(Math.max(0, offset - limit))}>
            {t('pager.previous')}
          </Button>
          <Button variant="secondary" data-size="sm" disabled={current === pages} onClick={() => onOffset(offset + limit)}>
            {t('pager.next')}
          </Button>
        </div>
      )}
    </nav>
  );
}
