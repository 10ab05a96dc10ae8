/**
 * Who takes part in a collaboration, in one place. A citizen promise (medborgarlöfte) is made by one
 * police area and one municipality together: those are the collaboration's two parties. Others who
 * work with them on the promise — the rescue service on safety walks — take part as partners: they
 * read the promise and record what they do (roles.ts, the party rule in libs/promises party.ts), and
 * are never a party. A police or municipality organisation is a party of its own collaboration,
 * never another's partner: as a partner it would read a promise it did not make.
 */
import type { OrganisationKind } from '@samverkan/access';
import { type FieldError, fieldError } from '@samverkan/platform';

/** The kinds an organisation may have to be a partner. */
export const PARTNER_KINDS: readonly OrganisationKind[] = ['rescue_service', 'other'];

interface Organisation {
  id: string;
  kind: OrganisationKind;
}

/** The two parties: the police organisation is of kind police, the municipality of kind municipality. */
export function partyErrors(police: Organisation | undefined, municipality: Organisation | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!police) errors.push(fieldError('policeOrganisationId', 'reference.not_found', { resource: 'organisation' }));
  else if (police.kind !== 'police') errors.push(fieldError('policeOrganisationId', 'collaboration.party_kind', { organisationKind: 'police' }));
  if (!municipality) errors.push(fieldError('municipalityOrganisationId', 'reference.not_found', { resource: 'organisation' }));
  else if (municipality.kind !== 'municipality') {
    errors.push(fieldError('municipalityOrganisationId', 'collaboration.party_kind', { organisationKind: 'municipality' }));
  }
  return errors;
}

/** A partner is of a partner kind (which also keeps the two parties out). */
export function partnerErrors(organisation: Organisation | undefined): FieldError[] {
  if (!organisation) return [fieldError('organisationId', 'reference.not_found', { resource: 'organisation' })];
  if (!PARTNER_KINDS.includes(organisation.kind)) return [fieldError('organisationId', 'collaboration.partner_kind', { organisationKind: organisation.kind })];
  return [];
}
