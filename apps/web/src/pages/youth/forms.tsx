import { Alert, Checkbox, Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, type Problem } from '../../api/client';
import { fieldErrorText } from '../../api/problem-text';
import { type components, youthInformationCategoryValues } from '../../api/schema';
import { ProblemMessage } from '../../components/common';
import { useSession } from '../../session';

/** The api's vocabularies, from its OpenAPI document (their values are exported there as `…Values`). */
export type Category = components['schemas']['YouthInformationCategory'];
export type RiskFactor = components['schemas']['YouthRiskFactor'];
export type CaseForm = components['schemas']['YouthCaseForm'];
export type SignerRole = components['schemas']['YouthSignerRole'];

/** What may be chosen: `basic` comes with any sharing (the api adds it). */
export const SHAREABLE = youthInformationCategoryValues.filter((c): c is Exclude<Category, 'basic'> => c !== 'basic');

/** A collaboration as /me gives it: with its police and municipality. */
export type Collaboration = components['schemas']['CollaborationView'];

export function useCollaborations(): Collaboration[] {
  return useSession().me?.collaborations ?? [];
}

/** The organisations of the user's collaborations other than the case's owner: who a case can be shared with. */
export function useOtherOrganisations(ownerOrganisationId: string): { id: string; name: string }[] {
  const all = useCollaborations().flatMap((c) => [c.police, c.municipality]);
  return all.filter((o, i) => o.id !== ownerOrganisationId && all.findIndex((x) => x.id === o.id) === i);
}

/**
 * One form's dealings with the api: the problem it answered (field errors placed next to the
 * fields by name), whether it succeeded, and whether it is busy. Where one page has several forms
 * with the same field names, `prefix` keeps their element ids apart: the field `body` of the form
 * `entry` is the element `entry-body`, and the api's errors link there. `aliases` sends an api
 * field's message to the field the screen shows for it.
 */
export function useApiForm(prefix?: string, aliases: Record<string, string> = {}) {
  const id = (field: string) => (prefix ? `${prefix}-${field}` : field);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  /**
   * Sends; on success runs `then` and answers the data, else keeps (and answers) the problem. The
   * data's type is the typed client's answer for the route.
   */
  async function send<T>(
    request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
    then?: (data: T) => void,
  ): Promise<{ data?: T; problem?: Problem }> {
    setBusy(true);
    setDone(false);
    try {
      const { data, error, response } = await request();
      if (error !== undefined || !response.ok) {
        const refused = groupListFields(asProblem(error, response.status), (field) => id(aliases[field] ?? field));
        setProblem(refused);
        return { problem: refused };
      }
      setProblem(undefined);
      setDone(true);
      then?.(data as T);
      return { data: data as T };
    } finally {
      setBusy(false);
    }
  }

  return {
    problem,
    done,
    busy,
    send,
    /** The element id of an api field in this form. */
    id,
    /** The api's error(s) for this field in the reader's language, to show next to it. */
    error: (field: string, label?: string) =>
      problem?.errors
        ?.filter((e) => e.field === id(field))
        .map((e) => fieldErrorText(e, label))
        .join(' ') || undefined,
    reset: () => {
      setProblem(undefined);
      setDone(false);
    },
  };
}
export type ApiForm = ReturnType<typeof useApiForm>;

/**
 * The api's field names as this form's element ids. The api names an item of a chosen list by its
 * index (`categories[1]`); the screen shows the list as one group of checkboxes, so the message
 * goes to the group.
 */
function groupListFields(problem: Problem, id: (field: string) => string): Problem {
  if (!problem.errors) return problem;
  return { ...problem, errors: problem.errors.map((e) => ({ ...e, field: id(e.field.replace(/^(categories|organisationIds|riskFactors)\[\d+\]$/, '$1')) })) };
}

/** The problem above the form (a summary linking to the fields), or the success message if there is one. */
export function FormStatus({ form, success }: { form: ApiForm; success?: string }) {
  return (
    <>
      <ProblemMessage problem={form.problem} />
      {form.done && success && (
        <Alert data-color="success" role="status">
          {success}
        </Alert>
      )}
    </>
  );
}

/** A group of checkboxes with a legend, and the api's message for the group next to it. */
export function CheckboxGroup<K extends string>(props: {
  id: string;
  /** The form field's name (default: the id). */
  name?: string;
  legend: string;
  description?: string;
  options: { key: K; label: string }[];
  defaultChecked?: K[];
  error?: string;
}) {
  const describedBy = [props.description && `${props.id}-help`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset id={props.id} tabIndex={-1} aria-describedby={describedBy}>
      <Fieldset.Legend>{props.legend}</Fieldset.Legend>
      {props.description && <Fieldset.Description id={`${props.id}-help`}>{props.description}</Fieldset.Description>}
      {props.options.map((o) => (
        <Checkbox
          key={o.key}
          name={props.name ?? props.id}
          value={o.key}
          label={o.label}
          defaultChecked={props.defaultChecked?.includes(o.key)}
          aria-invalid={props.error ? true : undefined}
        />
      ))}
      {props.error && <ValidationMessage id={`${props.id}-error`}>{props.error}</ValidationMessage>}
    </Fieldset>
  );
}

/** One choice among options (radio buttons), with the api's message for it next to the group. */
export function RadioGroup<K extends string>(props: {
  id: string;
  name?: string;
  legend: string;
  description?: string;
  options: { key: K; label: string }[];
  value?: K;
  defaultValue?: K;
  onChange?: (value: K) => void;
  error?: string;
}) {
  const describedBy = [props.description && `${props.id}-help`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset id={props.id} tabIndex={-1} aria-describedby={describedBy}>
      <Fieldset.Legend>{props.legend}</Fieldset.Legend>
      {props.description && <Fieldset.Description id={`${props.id}-help`}>{props.description}</Fieldset.Description>}
      {props.options.map((o) => (
        <Radio
          key={o.key}
          name={props.name ?? props.id}
          value={o.key}
          label={o.label}
          required
          {...(props.value !== undefined ? { checked: props.value === o.key } : { defaultChecked: props.defaultValue === o.key })}
          onChange={props.onChange && (() => props.onChange!(o.key))}
          aria-invalid={props.error ? true : undefined}
        />
      ))}
      {props.error && <ValidationMessage id={`${props.id}-error`}>{props.error}</ValidationMessage>}
    </Fieldset>
  );
}

/** The chosen values of a checkbox group in a submitted form. */
export function checked<K extends string>(form: FormData, name: string): K[] {
  return form.getAll(name).map(String) as K[];
}

/** A text value of a submitted form; undefined when empty (optional fields are then left out). */
export function text(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

export function useCategoryOptions(keys: readonly Category[] = SHAREABLE) {
  const { t } = useTranslation();
  return keys.map((key) => ({ key, label: t(`youth.categories.${key}`) }));
}
