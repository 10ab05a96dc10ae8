import { Button, Dialog, Field, Heading, Label, Paragraph, Select, type SelectProps, ValidationMessage } from '@digdir/designsystemet-react';
import { type ReactNode, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../api/client';
import { ProblemMessage } from '../../components/common';

/** The api's message for one field of a 400 answer, to show next to that field. */
export function fieldError(problem: Problem | undefined, field: string): string | undefined {
  return problem?.errors?.find((e) => e.field === field)?.message;
}

/**
 * A select with the api's message for it underneath (the Field links them for screen readers).
 * Without `label`, give it an `aria-label` (in a table whose column header names it).
 */
export function SelectField({ label, description, error, children, ...select }: SelectProps & { id: string; label?: string; description?: string; error?: string; children: ReactNode }) {
  return (
    <Field>
      {label && <Label>{label}</Label>}
      {description && <Field.Description>{description}</Field.Description>}
      <Select name={select.id} {...select}>{children}</Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/**
 * Where the reader is in a paginated api list (limit/offset), with previous and next page.
 * Also used by the audit trail.
 */
export function ListPager(props: { label: string; total: number; limit: number; offset: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  const { total, limit, offset } = props;
  if (total === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav aria-label={props.label} className="admin-pager">
      <Paragraph data-size="sm" aria-live="polite">
        {t('adminPager.showing', { from: offset + 1, to: Math.min(offset + limit, total), total, page, pages })}
      </Paragraph>
      {pages > 1 && (
        <div className="row">
          <Button variant="secondary" data-size="sm" disabled={page === 1} onClick={() => props.onOffset(Math.max(0, offset - limit))}>
            {t('adminPager.previous')}
          </Button>
          <Button variant="secondary" data-size="sm" disabled={page === pages} onClick={() => props.onOffset(offset + limit)}>
            {t('adminPager.next')}
          </Button>
        </div>
      )}
    </nav>
  );
}

/**
 * Asks before a step that takes effect at once (deactivating an account, ending a role); shows the
 * api's refusal in the dialog, closes when the step succeeded. `onConfirm` answers a Problem when refused.
 */
export function ConfirmDialog(props: {
  dialog: RefObject<HTMLDialogElement | null>;
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<Problem | undefined>;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const refused = await props.onConfirm();
    setBusy(false);
    setProblem(refused);
    if (!refused) props.dialog.current?.close();
  }

  return (
    <Dialog ref={props.dialog} closeButton={t('adminConfirm.cancel')} onClose={() => setProblem(undefined)}>
      <div className="protocol">
        <Heading level={2} data-size="xs">{props.title}</Heading>
        <Paragraph>{props.text}</Paragraph>
        <ProblemMessage problem={problem} />
        <div className="row">
          <Button data-color={props.danger ? 'danger' : undefined} disabled={busy} onClick={() => void confirm()}>{props.confirmLabel}</Button>
          <Button variant="secondary" onClick={() => props.dialog.current?.close()}>{t('adminConfirm.cancel')}</Button>
        </div>
      </div>
    </Dialog>
  );
}
