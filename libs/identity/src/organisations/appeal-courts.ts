/**
 * Sweden's twelve administrative courts of first instance (förvaltningsrätter, since 15 February
 * 2010). A municipality's decisions under the alcohol act are appealed to the one whose district
 * (domkrets) the municipality lies in (AL 10 kap. 1 §; lagen (1971:289) om allmänna
 * förvaltningsdomstolar 14 §). The districts are set by the government and do not always follow
 * county lines (Norrtälje, Sigtuna and Upplands Väsby lie in Uppsala's), so a municipality names its
 * court among these rather than Samverkan deriving it from the county.
 */
export const APPEAL_COURTS = [
  'Förvaltningsrätten i Falun',
  'Förvaltningsrätten i Göteborg',
  'Förvaltningsrätten i Härnösand',
  'Förvaltningsrätten i Jönköping',
  'Förvaltningsrätten i Karlstad',
  'Förvaltningsrätten i Linköping',
  'Förvaltningsrätten i Luleå',
  'Förvaltningsrätten i Malmö',
  'Förvaltningsrätten i Stockholm',
  'Förvaltningsrätten i Umeå',
  'Förvaltningsrätten i Uppsala',
  'Förvaltningsrätten i Växjö',
] as const;
export type AppealCourt = (typeof APPEAL_COURTS)[number];
