import { Button, Dialog, Heading, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/client';
import { ProblemMessage } from './common';

/**
 * A step that the audit trail records with its reason (revealing a personal number, withdrawing a
 * consent): asks for the reason, shows the api's field errors, closes when the step succeeds.
 * `onSubmit` answers a Problem when the api refused.
 */
export function ReasonDialog(props: {
  dialog: RefObject<HTMLDialogElement | null>;
  id: string;
  title: string;
  label: string;
  submitLabel: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<Problem | undefined>;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const refused = await props.onSubmit(String(new FormData(event.currentTarget).get(props.id)));
    setProblem(refused);
    if (!refused) props.dialog.current?.close();
  }

  return (
    <Dialog ref={props.dialog} closeButton={t('youth.cancel')} onClose={() => setProblem(undefined)}>
      <form onSubmit={(e) => void submit(e)} className="protocol">
        <Heading level={2} data-size="xs">
          {props.title}
        </Heading>
        <ProblemMessage problem={problem} />
        <Textfield id={props.id} name={props.id} label={props.label} required minLength={5} />
        <Button type="submit" data-color={props.danger ? 'danger' : undefined}>
          {props.submitLabel}
        </Button>
      </form>
    </Dialog>
  );
}
