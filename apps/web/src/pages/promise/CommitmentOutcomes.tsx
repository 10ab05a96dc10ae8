import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { figure, percent } from './shared';
import { TableWrap } from '../../components/common';

/** Each commitment's target, outcome and assessment: in a follow-up and in the year's report. */
export function CommitmentOutcomes({ rows }: { rows: components['schemas']['CommitmentOutcomeView'][] }) {
  const { t, i18n } = useTranslation();
  return (
    <TableWrap>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('promiseActions.commitment')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActions.party')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseChart.target')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseChart.actual')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseChart.fulfilment')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseFollowUps.assessment')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseFollowUps.narrative')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((item) => (
            <Table.Row key={item.id}>
              <Table.Cell>{item.text}</Table.Cell>
              <Table.Cell>{t(`promiseVocab.parties.${item.party}`)}</Table.Cell>
              <Table.Cell>{item.target ? `${figure(item.target.forWindow, i18n.language)} ${item.target.unit}` : '–'}</Table.Cell>
              <Table.Cell>{figure(item.actual, i18n.language)}</Table.Cell>
              <Table.Cell>{percent(item.progress)}</Table.Cell>
              <Table.Cell>{t(`promiseVocab.assessments.${item.assessment}`)}</Table.Cell>
              <Table.Cell>{item.narrative || '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}
