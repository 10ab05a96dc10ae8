import { Button, Input } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { looksLikePersonalNumber } from './personal-number';

/**
 * The search box of the header: Enter (or the button) opens the results page. A search landmark
 * rather than a form, so that a screen's own form stays the only form on it.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [entry, setEntry] = useState('');

  function search() {
    const q = entry.trim();
    if (looksLikePersonalNumber(q)) void navigate('/search', { state: { q } });
    else void navigate(`/search?${new URLSearchParams({ q })}`);
  }

  return (
    <div role="search" aria-label={t('siteSearch.label')} className="header-search">
      <Input
        type="search"
        name="q"
        data-size="sm"
        aria-label={t('siteSearch.label')}
        placeholder={t('siteSearch.placeholder')}
        maxLength={100}
        autoComplete="off"
        value={entry}
        enterKeyHint="search"
        onChange={(event) => setEntry(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            search();
          }
        }}
      />
      {/* Named apart from the screens' own "Sök" buttons (the visible word first, WCAG 2.5.3). */}
      <Button type="button" variant="secondary" data-size="sm" aria-label={t('siteSearch.submitLabel')} onClick={search}>
        {t('siteSearch.submit')}
      </Button>
    </div>
  );
}
