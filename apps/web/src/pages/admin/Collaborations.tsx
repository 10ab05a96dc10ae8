import { Alert, Button, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { problemText } from '../../api/problem-text';
import type { components } from '../../api/schema';
import { EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { ConfirmDialog, fieldError, formText, SelectField, useApiForm } from '../../components/forms';

type Collaboration = components['schemas']['CollaborationView'];
type Organisation = components['schemas']['OrganisationView'];
type OrganisationRef = components['schemas']['OrganisationRefView'];

/** The kinds offered as partners: a shortlist only; the api's rule (libs/identity collaboration-rules.ts) decides. */
const PARTNER_KINDS: Organisation['kind'][] = ['rescue_service', 'other'];

type Notice = { what: 'created'; name: string } | { what: 'partnerAdded' | 'partnerRemoved'; organisation: string; collaboration: string };

/**
 * Collaborations (one police area and one municipality each) and their partners, for a system
 * administrator (collaboration:manage): create one, add a partner, remove one after asking.
 */
export function Collaborations() {
  const { t } = useTranslation();
  const collaborations = useLoad(() => api.GET('/api/v1/collaborations'), []);
  const organisations = useLoad(() => api.GET('/api/v1/organisations'), []);
  const [notice, setNotice] = useState<Notice>();
  const dialog = useRef<HTMLDialogElement>(null);
  const [removing, setRemoving] = useState<{ collaboration: Collaboration; partner: OrganisationRef }>();

  const changed = (what: Notice) => {
    setNotice(what);
    collaborations.reload();
  };
  // A new attempt hides the last success, so a refusal is never shown beside an older "done".
  const starting = () => setNotice(undefined);

  async function remove(): Promise<Problem | undefined> {
    if (!removing) return undefined;
    starting();
    const { collaboration, partner } = removing;
    const { error, response } = await api.DELETE('/api/v1/collaborations/{id}/partners/{organisationId}', {
      params: { path: { id: collaboration.id, organisationId: partner.id } },
    });
    if (error) return asProblem(error, response.status);
    changed({ what: 'partnerRemoved', organisation: partner.name, collaboration: collaboration.name });
  }

  const all = organisations.data ?? [];
  return (
    <>
      <PageTitle>{t('adminCollabs.title')}</PageTitle>
      <Paragraph>{t('adminCollabs.intro')}</Paragraph>
      {notice && (
        <Alert data-color="success" role="status">
          {notice.what === 'created'
            ? t('adminCollabs.notices.created', { name: notice.name })
            : t(`adminCollabs.notices.${notice.what}`, { organisation: notice.organisation, collaboration: notice.collaboration })}
        </Alert>
      )}
      {collaborations.loading && !collaborations.data && <Loading />}
      <ProblemMessage problem={collaborations.problem} />
      <ProblemMessage problem={organisations.problem} />
      {collaborations.data?.length === 0 && <EmptyState>{t('adminCollabs.empty')}</EmptyState>}
      {collaborations.data?.map((c) => (
        <section key={c.id} className="protocol admin-section" aria-labelledby={`collaboration-${c.id}`}>
          <Heading level={2} data-size="sm" id={`collaboration-${c.id}`}>
            {c.name}
          </Heading>
          <dl className="admin-facts">
            <dt>{t('adminCollabs.police')}</dt>
            <dd>{c.police.name}</dd>
            <dt>{t('adminCollabs.municipality')}</dt>
            <dd>{c.municipality.name}</dd>
          </dl>
          <Heading level={3} data-size="xs">
            {t('adminCollabs.partners')}
          </Heading>
          {c.partners.length === 0 ? (
            <EmptyState>{t('adminCollabs.noPartners')}</EmptyState>
          ) : (
            <TableWrap>
              <Table data-size="sm">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('adminCollabs.organisation')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('adminCollabs.actions')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {c.partners.map((p) => (
                    <Table.Row key={p.id}>
                      <Table.Cell>{p.name}</Table.Cell>
                      <Table.Cell>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="danger"
                          aria-label={t('adminCollabs.removeLabel', { organisation: p.name, collaboration: c.name })}
                          onClick={() => {
                            setRemoving({ collaboration: c, partner: p });
                            dialog.current?.showModal();
                          }}
                        >
                          {t('adminCollabs.remove')}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableWrap>
          )}
          <AddPartner
            collaboration={c}
            candidates={all.filter((o) => PARTNER_KINDS.includes(o.kind) && !c.partners.some((p) => p.id === o.id))}
            onStart={starting}
            onAdded={(organisation) => changed({ what: 'partnerAdded', organisation, collaboration: c.name })}
          />
        </section>
      ))}
      <ConfirmDialog
        dialog={dialog}
        title={removing ? t('adminCollabs.removeTitle', { organisation: removing.partner.name }) : ''}
        text={removing ? t('adminCollabs.removeText', { organisation: removing.partner.name, collaboration: removing.collaboration.name }) : ''}
        confirmLabel={t('adminCollabs.removeConfirm')}
        danger
        onConfirm={remove}
      />
      <NewCollaboration organisations={all} onStart={starting} onCreated={(name) => changed({ what: 'created', name })} />
    </>
  );
}

/**
 * The refusal the client says itself when no organisation is chosen (the organisation is part of the
 * address, so the api cannot name the field): in the api's own shape, its text from the code.
 */
const NOTHING_CHOSEN: Problem = {
  type: 'urn:samverkan:problem:validation',
  title: 'Validation',
  status: 400,
  code: 'validation',
  params: {},
  errors: [{ field: 'organisationId', code: 'field.required', params: {}, message: 'organisationId is required.' }],
};

/** A select of the rescue services and other organisations not yet partners; the api has the last word (PUT is idempotent). */
function AddPartner(props: { collaboration: Collaboration; candidates: Organisation[]; onStart: () => void; onAdded: (organisation: string) => void }) {
  const { t } = useTranslation();
  const { collaboration, candidates } = props;
  const { problem, setProblem, busy, formKey, submit } = useApiForm();
  const id = `partner-${collaboration.id}`;

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const organisationId = formText(event.currentTarget)(id);
    props.onStart();
    if (!organisationId) return setProblem(NOTHING_CHOSEN);
    const data = await submit(() =>
      api.PUT('/api/v1/collaborations/{id}/partners/{organisationId}', { params: { path: { id: collaboration.id, organisationId } } }),
    );
    if (data) props.onAdded(data.partners.find((p) => p.id === organisationId)?.name ?? '');
  }

  const label = t('adminCollabs.newPartnerIn', { collaboration: collaboration.name });
  const error = fieldError(problem, 'organisationId', t('adminCollabs.newPartner')) ?? (problem && !problem.errors?.length ? problemText(problem) : undefined);
  return (
    <form key={formKey} className="admin-inline-form" onSubmit={(e) => void add(e)} noValidate>
      <SelectField
        id={id}
        label={label}
        description={candidates.length ? t('adminCollabs.partnerHint') : t('adminCollabs.noCandidates')}
        defaultValue=""
        data-size="sm"
        error={error}
      >
        <Select.Option value="">{t('adminCollabs.choose')}</Select.Option>
        {candidates.map((o) => (
          <Select.Option key={o.id} value={o.id}>
            {o.name}
          </Select.Option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" data-size="sm" loading={busy}>
        {t('adminCollabs.addPartner')}
      </Button>
    </form>
  );
}

/** A new collaboration: its name, a police organisation and a municipality (each select offers only its kind). */
function NewCollaboration({ organisations, onStart, onCreated }: { organisations: Organisation[]; onStart: () => void; onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const { problem, busy, formKey, submit } = useApiForm();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(event.currentTarget);
    onStart();
    const data = await submit(() =>
      api.POST('/api/v1/collaborations', {
        body: {
          name: value('name'),
          // Nothing chosen is sent as missing, so the api says the field is required.
          policeOrganisationId: (value('policeOrganisationId') || undefined) as string,
          municipalityOrganisationId: (value('municipalityOrganisationId') || undefined) as string,
        },
      }),
    );
    if (data) onCreated(data.name);
  }

  const ofKind = (kind: Organisation['kind']) => organisations.filter((o) => o.kind === kind);
  return (
    <section aria-labelledby="new-collaboration" className="protocol admin-section">
      <Heading level={2} data-size="sm" id="new-collaboration">
        {t('adminCollabs.newTitle')}
      </Heading>
      <ProblemMessage problem={problem} />
      {/* noValidate: the api decides what is valid and says so next to each field. */}
      <form key={formKey} className="protocol admin-form" onSubmit={(e) => void create(e)} noValidate>
        <Textfield
          id="name"
          name="name"
          label={t('adminCollabs.name')}
          required
          autoComplete="off"
          error={fieldError(problem, 'name', t('adminCollabs.name'))}
        />
        <SelectField
          id="policeOrganisationId"
          label={t('adminCollabs.policeOrganisation')}
          description={t('adminCollabs.policeHint')}
          required
          defaultValue=""
          error={fieldError(problem, 'policeOrganisationId', t('adminCollabs.policeOrganisation'))}
        >
          <Select.Option value="">{t('adminCollabs.choose')}</Select.Option>
          {ofKind('police').map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          id="municipalityOrganisationId"
          label={t('adminCollabs.municipalityOrganisation')}
          description={t('adminCollabs.municipalityHint')}
          required
          defaultValue=""
          error={fieldError(problem, 'municipalityOrganisationId', t('adminCollabs.municipalityOrganisation'))}
        >
          <Select.Option value="">{t('adminCollabs.choose')}</Select.Option>
          {ofKind('municipality').map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </SelectField>
        <div className="row">
          <Button type="submit" loading={busy}>
            {t('adminCollabs.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
