import type { RoleName } from '@samverkan/access';
import { hashPassword } from '@samverkan/identity';
import type { SeedStep } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';

/**
 * The Hammarö collaboration (Hammarö kommun + Lokalpolisområde Karlstad, medborgarlöfte
 * 2020–2022), its organisations and units, and one demo user per role. The e-mail addresses are
 * stable: later modules and tests sign in with them.
 */
export const DEMO_ORGANISATIONS = [
  {
    name: 'Hammarö kommun',
    kind: 'municipality',
    orgNumber: '212000-1850',
    // The public page of the promise names the parties with how citizens reach them (issue #20).
    contact: { phone: '054-51 50 00', email: 'kommunen@hammaro.se', url: 'https://www.hammaro.se' },
    // Värmland lies in the district of Förvaltningsrätten i Karlstad; the decision letter names it.
    appealCourt: 'Förvaltningsrätten i Karlstad',
    units: ['Socialtjänsten', 'Alkoholhandläggning', 'Säkerhet/väktare', 'Kommunledning'],
  },
  {
    name: 'Lokalpolisområde Karlstad',
    kind: 'police',
    orgNumber: '202100-0076',
    contact: { phone: '114 14', email: 'registrator.vast@polisen.se', url: 'https://polisen.se/om-polisen/polisens-organisation/lokalpolisomraden/karlstad/' },
    appealCourt: null,
    units: ['Områdespolis Hammarö', 'Ingripande'],
  },
  {
    name: 'Karlstadsregionens räddningstjänstförbund',
    kind: 'rescue_service',
    orgNumber: '222000-1230',
    contact: null,
    appealCourt: null,
    units: ['Räddningstjänsten'],
  },
  { name: 'Samverkan drift', kind: 'other', orgNumber: null, contact: null, appealCourt: null, units: ['Systemförvaltning'] },
] as const;

export const DEMO_COLLABORATION = {
  name: 'Hammarö',
  police: 'Lokalpolisområde Karlstad',
  municipality: 'Hammarö kommun',
  // Takes part besides the two parties: the safety walks are made with the rescue service (issue #20).
  partners: ['Karlstadsregionens räddningstjänstförbund'],
};

type OrganisationName = (typeof DEMO_ORGANISATIONS)[number]['name'];

export interface DemoUser {
  email: string;
  displayName: string;
  organisation: OrganisationName;
  unit: string;
  role: RoleName;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@samverkan.test', displayName: 'Erik Sandberg', organisation: 'Samverkan drift', unit: 'Systemförvaltning', role: 'system_admin' },
  { email: 'it@hammaro.test', displayName: 'Lena Björk', organisation: 'Hammarö kommun', unit: 'Kommunledning', role: 'org_admin' },
  { email: 'socialsekreterare@hammaro.test', displayName: 'Sara Lindqvist', organisation: 'Hammarö kommun', unit: 'Socialtjänsten', role: 'social_worker' },
  { email: 'socialchef@hammaro.test', displayName: 'Maria Ek', organisation: 'Hammarö kommun', unit: 'Socialtjänsten', role: 'social_services_manager' },
  { email: 'alkohol@hammaro.test', displayName: 'Johan Nyström', organisation: 'Hammarö kommun', unit: 'Alkoholhandläggning', role: 'licensing_officer' },
  { email: 'trygghet@hammaro.test', displayName: 'Anna Karlsson', organisation: 'Hammarö kommun', unit: 'Kommunledning', role: 'safety_coordinator' },
  { email: 'vaktare@hammaro.test', displayName: 'Ahmed Hassan', organisation: 'Hammarö kommun', unit: 'Säkerhet/väktare', role: 'municipal_guard' },
  { email: 'chef@hammaro.test', displayName: 'Per Olsson', organisation: 'Hammarö kommun', unit: 'Kommunledning', role: 'manager' },
  { email: 'revisor@hammaro.test', displayName: 'Karin Holm', organisation: 'Hammarö kommun', unit: 'Kommunledning', role: 'auditor' },
  {
    email: 'polis@karlstad.polisen.test',
    displayName: 'Mikael Berg',
    organisation: 'Lokalpolisområde Karlstad',
    unit: 'Områdespolis Hammarö',
    role: 'police_officer',
  },
  {
    email: 'raddningstjanst@krf.test',
    displayName: 'Jonas Lindgren',
    organisation: 'Karlstadsregionens räddningstjänstförbund',
    unit: 'Räddningstjänsten',
    role: 'rescue_service',
  },
  {
    email: 'insatschef@karlstad.polisen.test',
    displayName: 'Helena Strand',
    organisation: 'Lokalpolisområde Karlstad',
    unit: 'Ingripande',
    role: 'police_commander',
  },
];

/** Upserts on natural keys (names, e-mail), so it can run again; demo passwords are reset to `password`. */
export function identitySeed(password: string): SeedStep {
  return {
    name: 'identity (Hammarö organisations, units and demo users)',
    async run(manager: EntityManager) {
      const organisationIds = new Map<string, string>();
      const unitIds = new Map<string, string>();
      for (const org of DEMO_ORGANISATIONS) {
        const [{ id }] = await manager.query<{ id: string }[]>(
          `INSERT INTO organisations (name, kind, org_number, contact_phone, contact_email, contact_url, appeal_court) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, org_number = EXCLUDED.org_number, contact_phone = EXCLUDED.contact_phone,
             contact_email = EXCLUDED.contact_email, contact_url = EXCLUDED.contact_url, appeal_court = EXCLUDED.appeal_court RETURNING id`,
          [org.name, org.kind, org.orgNumber, org.contact?.phone ?? null, org.contact?.email ?? null, org.contact?.url ?? null, org.appealCourt],
        );
        organisationIds.set(org.name, id);
        for (const unit of org.units) {
          const [row] = await manager.query<{ id: string }[]>(
            `INSERT INTO units (organisation_id, name) VALUES ($1, $2)
             ON CONFLICT (organisation_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
            [id, unit],
          );
          unitIds.set(`${org.name}/${unit}`, row.id);
        }
      }
      await manager.query(
        `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO NOTHING`,
        [DEMO_COLLABORATION.name, organisationIds.get(DEMO_COLLABORATION.police), organisationIds.get(DEMO_COLLABORATION.municipality)],
      );
      for (const partner of DEMO_COLLABORATION.partners) {
        await manager.query(
          `INSERT INTO collaboration_partners (collaboration_id, organisation_id)
           SELECT id, $2 FROM collaborations WHERE name = $1 ON CONFLICT DO NOTHING`,
          [DEMO_COLLABORATION.name, organisationIds.get(partner)],
        );
      }
      const passwordHash = await hashPassword(password);
      for (const user of DEMO_USERS) {
        const [{ id }] = await manager.query<{ id: string }[]>(
          `INSERT INTO users (organisation_id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)
           ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
             is_active = true, deactivated_at = NULL, locked_until = NULL, failed_login_count = 0
           RETURNING id`,
          [organisationIds.get(user.organisation), user.email, user.displayName, passwordHash],
        );
        await manager.query(
          `INSERT INTO memberships (user_id, unit_id, role, valid_from)
           SELECT $1, $2, $3, '2020-01-01T00:00:00+01:00'
           WHERE NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = $1 AND unit_id = $2 AND role = $3 AND valid_until IS NULL)`,
          [id, unitIds.get(`${user.organisation}/${user.unit}`), user.role],
        );
      }
    },
  };
}
