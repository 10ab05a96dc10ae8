/**
 * The on-site checklist of an external inspection (DOMAIN.md §2), the default template every
 * municipality starts from. Keys are stable; labels are what the inspector sees.
 */
export const DEFAULT_CHECKLIST_NAME = 'Yttre tillsyn';

export const DEFAULT_CHECKLIST_ITEMS = [
  { key: 'serving_manager_present', label: 'Serveringsansvarig på plats, anmäld till kommunen, minst 20 år' },
  { key: 'age_checks', label: 'Ålderskontroll – ingen servering till personer under 18 år' },
  { key: 'no_intoxicated_guests', label: 'Ingen servering till märkbart påverkade gäster; ordning och nykterhet i kö, entré och toaletter' },
  { key: 'serving_hours', label: 'Serveringstiden följs; lokalen utrymd 30 minuter efter serveringstidens slut' },
  { key: 'food_available', label: 'Lagad mat tillhandahålls under hela serveringstiden' },
  { key: 'soft_drinks', label: 'Alkoholfria alternativ erbjuds' },
  { key: 'outdoor_area_marked', label: 'Uteserveringen är tydligt avgränsad' },
  { key: 'marketing_pricing', label: 'Marknadsföring och prissättning följer alkohollagen' },
  { key: 'purchases_match_invoices', label: 'Inköp stämmer med leverantörsfakturor' },
  { key: 'staff_register', label: 'Personalliggare förs' },
  { key: 'fire_safety', label: 'Brandsäkerhet; inga ändringar av lokalen utan anmälan' },
  { key: 'security_staff', label: 'Ordningsvakter enligt villkor' },
] as const;

export const FINDING_RESULTS = ['ok', 'remark', 'not_applicable', 'not_checked'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];

export const INSPECTION_TYPES = ['external', 'internal', 'coordinated', 'preventive'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_STATUSES = ['planned', 'performed', 'attempted', 'report_sent', 'response_received', 'closed', 'escalated', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** The path of an inspection; an attempted visit (nobody there) is closed without counting as performed. */
export const INSPECTION_TRANSITIONS: Record<InspectionStatus, readonly InspectionStatus[]> = {
  planned: ['performed', 'attempted', 'cancelled'],
  performed: ['report_sent', 'escalated'],
  attempted: ['closed'],
  report_sent: ['response_received', 'closed', 'escalated'],
  response_received: ['closed', 'escalated'],
  escalated: ['closed'],
  closed: [],
  cancelled: [],
};

/** Days the licence holder has to respond to the inspection report (a deadline in the reminder engine). */
export const HOLDER_RESPONSE_DAYS = 14;
export const HOLDER_RESPONSE_DEADLINE = 'licence_holder_response';
