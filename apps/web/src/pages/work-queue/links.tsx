import { Link as DsLink } from '@digdir/designsystemet-react';
import type { MouseEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';

/**
 * A deadline's or notification's subject: a link where the api gave one (the reader may open it,
 * libs/access record-pages.ts), else the plain text.
 */
export function SubjectLink({ link, children }: { link: string | null; children: ReactNode }) {
  if (!link) return <>{children}</>;
  return (
    <DsLink asChild>
      <Link to={link}>{children}</Link>
    </DsLink>
  );
}

/** A notification's subject: opening it marks the notification read first, then shows the subject. */
export function NotificationLink({ id, link, read, children }: { id: string; link: string | null; read: boolean; children: ReactNode }) {
  const navigate = useNavigate();
  if (!link) return <>{children}</>;
  async function open(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (!read) await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } });
    void navigate(link!);
  }
  return (
    <DsLink asChild>
      <Link to={link} onClick={(event) => void open(event)}>
        {children}
      </Link>
    </DsLink>
  );
}
