import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../components/common';
import { useSession } from '../../session';
import { recordableKinds } from './shared';
import './field.css';

/**
 * The start page's one-tap recording: a big button per kind (round, safety walk, speed check) for
 * which the caller's collaboration has a commitment taking it that they may record under.
 */
export function FieldStartCard() {
  const { can } = useSession();
  const { t } = useTranslation();
  const records = can('promise_action:update');
  const choices = useLoad(records ? () => api.GET('/api/v1/activities/field-choices') : null, [records]);
  const kinds = recordableKinds(choices.data);
  if (kinds.length === 0) return null;
  return (
    <Card className="field-start">
      <Heading level={2} data-size="sm">
        {t('field.startTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('field.startIntro')}</Paragraph>
      <div className="field-start-buttons">
        {kinds.map((kind) => (
          <Button key={kind} asChild data-size="lg">
            <Link to={`/field/new/${kind}`}>{t(`field.newKind.${kind}`)}</Link>
          </Button>
        ))}
      </div>
    </Card>
  );
}
