import { Button, Dialog, Field, Heading, Label, Paragraph, Select, type SelectProps, ValidationMessage } from '@digdir/designsystemet-react';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, type Problem } from '../api/client';
import { fieldErrorText } from '../api/problem-text';
import { ProblemMessage } from './common';

/**
 * The api's errors for one field of a 400 answer, said in the reader's language with the field's
 * label in the sentence (`label`, else the label of the api's field name), to show next to that
 * field. Inputs carry the api's field name as their id, so the error summary at the top links to them.
 */
export function fieldError(problem: Problem | undefined, field: string, label?: string): string | undefined {
  const messages = problem?.errors?.filter((e) => e.field === field).map((e) => fieldErrorText(e, label)) ?? [];
  return messages.length ? messages.join(' ') : undefined;
}

/** The errors for a field and everything inside it (`places` gathers `places[0].name`), for a group of inputs. */
export function fieldErrorWithin(problem: Problem | undefined, field: string): string | undefined {
  const within = (name: string) => name === field || name.startsWith(`${field}[`) || name.startsWith(`${field}.`);
  const messages = problem?.errors?.filter((e) => within(e.field)).map((e) => fieldErrorText(e)) ?? [];
  return messages.length ? messages.join(' ') : undefined;
}

/** What openapi-fetch answers: the data, or the error with the response it came in. */
type ApiAnswer<T> = { data?: T; error?: unknown; response: Response };

/**
 * A form that sends one request to the api. `submit` marks the form busy while the request runs,
 * keeps the api's refusal as `problem` (for the fields and the summary), and on success empties the
 * form — a new `formKey` for the <form key> — and returns the answer's data.
 */
export function useApiForm() {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  async function submit<T>(request: () => Promise<ApiAnswer<T>>): Promise<T | undefined> {
    setBusy(true);
    const { data, error, response } = await request();
    setBusy(false);
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (data) setFormKey((k) => k + 1);
    return data;
  }
  return { problem, setProblem, busy, formKey, submit };
}

/** A form's text by field name, trimmed; '' for a field left empty. */
export function formText(form: HTMLFormElement): (name: string) => string {
  const values = new FormData(form);
  return (name) => String(values.get(name) ?? '').trim();
}

/**
 * A select with its label and the api's message underneath (the Field links them for screen
 * readers). Without `label`, give it an `aria-label` (in a table whose column header names it).
 */
export function SelectField({
  label,
  description,
  error,
  children,
  ...select
}: SelectProps & { id: string; label?: string; description?: string; error?: string; children: ReactNode }) {
  const ref = useRef<HTMLSelectElement>(null);
  const chosen = useRef(false);
  const { defaultValue, onChange } = select;
  // A select reads its default once, at mount. When its options come later (a list still loading, a
  // default from another load), that default was lost and "Alla" or the first option shown — a
  // filter from the address dropped, a finding handed to the wrong unit. Until the user chooses, the
  // default is applied once its option is there.
  useEffect(() => {
    const node = ref.current;
    if (!node || chosen.current || typeof defaultValue !== 'string' || node.value === defaultValue) return;
    if (Array.from(node.options).some((option) => option.value === defaultValue)) node.value = defaultValue;
  });
  return (
    <Field>
      {label && <Label>{label}</Label>}
      {description && <Field.Description>{description}</Field.Description>}
      <Select
        ref={ref}
        name={select.id}
        aria-invalid={error ? true : undefined}
        {...select}
        onChange={(event) => {
          chosen.current = true;
          onChange?.(event);
        }}
      >
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
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
    <Dialog ref={props.dialog} closeButton={t('app.cancel')} onClose={() => setProblem(undefined)}>
      <div className="protocol">
        <Heading level={2} data-size="xs">
          {props.title}
        </Heading>
        <Paragraph>{props.text}</Paragraph>
        <ProblemMessage problem={problem} />
        <div className="row">
          <Button data-color={props.danger ? 'danger' : undefined} disabled={busy} onClick={() => void confirm()}>
            {props.confirmLabel}
          </Button>
          <Button variant="secondary" onClick={() => props.dialog.current?.close()}>
            {t('app.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
