import { Button, Table, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { dateTime, TableWrap } from '../../components/common';
import { useEnumLabel } from '../../components/labels';

type Session = components['schemas']['SessionView'];

/** "Chrome på Linux": the device of a session from the names the api gives, or "Okänd enhet". */
export function deviceName(t: TFunction, session: Session): string {
  if (session.browser && session.system) return t('account.sessions.deviceOn', { browser: session.browser, system: session.system });
  return session.browser ?? session.system ?? t('account.sessions.unknownDevice');
}

/** Live sessions as a table; `onSignOut` adds a sign-out button to every session but the current one. */
export function SessionTable({ sessions, onSignOut }: { sessions: Session[]; onSignOut?: (session: Session) => void }) {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  return (
    <TableWrap>
      <Table data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('account.sessions.device')}</Table.HeaderCell>
            <Table.HeaderCell>{t('account.sessions.method')}</Table.HeaderCell>
            <Table.HeaderCell>{t('account.sessions.ip')}</Table.HeaderCell>
            <Table.HeaderCell>{t('account.sessions.created')}</Table.HeaderCell>
            <Table.HeaderCell>{t('account.sessions.lastUsed')}</Table.HeaderCell>
            {onSignOut && <Table.HeaderCell>{t('account.sessions.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sessions.map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell>
                {deviceName(t, s)}
                {s.current && (
                  <>
                    {' '}
                    <Tag data-color="info">{t('account.sessions.current')}</Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{label('AuthMethod', s.method)}</Table.Cell>
              <Table.Cell>{s.ip ?? '–'}</Table.Cell>
              <Table.Cell>{dateTime(s.createdAt, i18n.language)}</Table.Cell>
              <Table.Cell>{dateTime(s.lastUsedAt, i18n.language)}</Table.Cell>
              {onSignOut && (
                <Table.Cell>
                  {!s.current && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('account.sessions.signOutLabel', { device: deviceName(t, s), when: dateTime(s.createdAt, i18n.language) })}
                      onClick={() => onSignOut(s)}
                    >
                      {t('account.sessions.signOut')}
                    </Button>
                  )}
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}
