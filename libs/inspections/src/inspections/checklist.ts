/**
 * The on-site checklist of an external inspection (DOMAIN.md §2), the default template every
 * municipality starts from, and the results a finding on an item can have. Keys are stable;
 * labels are what the inspector sees. The status path is in inspection-rules.ts.
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
