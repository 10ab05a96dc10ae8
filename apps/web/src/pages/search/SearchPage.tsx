import { Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useEnumLabel } from '../../components/labels';
import { useSession } from '../../session';
import './search.css';

/**
 * What the header search found, grouped by kind (only the kinds the user may search). An entry
 * that is a personal number comes in the router's state, never in the address; the api looks
 * nothing up for it and the page offers the person search of youth cases instead, where the
 * number is looked up with a reason that is logged (OSL 26 kap 1 §).
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useLocation().state as { q?: unknown } | null;
  const q = (params.get('q') ?? (typeof state?.q === 'string' ? state.q : '')).trim();
  const result = useLoad(q.length >= 2 ? () => api.GET('/api/v1/search', { params: { query: { q } } }) : null, [q]);
  const data = result.data;

  return (
    <>
      <PageTitle>{t('siteSearch.title')}</PageTitle>
      {q.length < 2 && <EmptyState>{t('siteSearch.tooShort')}</EmptyState>}
      <ProblemMessage problem={result.problem} />
      {result.loading && <Loading />}
      {data?.personalNumber && (
        <div className="search-person">
          <Paragraph>{t('siteSearch.personalNumber')}</Paragraph>
          {can('youth_subject:find') && (
            <Button variant="primary" onClick={() => void navigate('/youth-cases/new', { state: { personalNumber: q } })}>
              {t('siteSearch.findPerson')}
            </Button>
          )}
        </div>
      )}
      {data && !data.personalNumber && (
        <>
          <Paragraph data-size="sm">{t('siteSearch.resultsFor', { q })}</Paragraph>
          {data.groups.every((g) => g.items.length === 0) && <EmptyState>{t('siteSearch.none')}</EmptyState>}
          {data.groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <section key={g.kind} aria-labelledby={`search-${g.kind}`} className="search-group">
                <Heading level={2} data-size="sm" id={`search-${g.kind}`}>
                  {label('SearchKind', g.kind)}
                </Heading>
                <ul>
                  {g.items.map((hit) => (
                    <li key={hit.id}>
                      <DsLink asChild>
                        <Link to={hit.link}>{hit.label}</Link>
                      </DsLink>
                      {hit.secondary && <span className="search-secondary">{hit.secondary}</span>}
                    </li>
                  ))}
                </ul>
                {g.more && <Paragraph data-size="sm">{t('siteSearch.more')}</Paragraph>}
              </section>
            ))}
        </>
      )}
    </>
  );
}
