import { Injectable } from '@nestjs/common';
import { hasPermission, type Principal, sessionAllows } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { LicensingSearch } from '@samverkan/inspections';
import { OperationSearch } from '@samverkan/operations';
import type { SearchHits } from '@samverkan/platform';
import { PromiseSearch } from '@samverkan/promises';
import { YouthCaseSearch } from '@samverkan/youth';
import { readSearchTerm, SEARCH_KIND_PERMISSIONS, SEARCH_KINDS, type SearchKind, type SearchTerm } from './search-rules.js';
import type { SearchQuery, SearchResultView } from './search.dto.js';

/**
 * The header search: each kind the caller may search, answered by the lib that owns it (one owner
 * per table) in that lib's own scope, so nothing outside it is hinted at. A personal number is
 * not looked up nor recorded (see SearchTerm.personalNumber).
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly youth: YouthCaseSearch,
    private readonly licensing: LicensingSearch,
    private readonly promises: PromiseSearch,
    private readonly operations: OperationSearch,
    private readonly audit: AuditService,
  ) {}

  async search(principal: Principal, query: SearchQuery): Promise<SearchResultView> {
    const term = readSearchTerm(query.q);
    if (term.personalNumber) return { personalNumber: true, groups: [] };
    // Kinds whose permission needs a stronger session than this one (strong-auth.ts, HSLF-FS 2016:40
    // 4 kap 4 §) are not searched: their own areas tell the user to sign in stronger.
    const kinds = SEARCH_KINDS.filter(
      (kind) => hasPermission(principal, SEARCH_KIND_PERMISSIONS[kind]) && sessionAllows(principal.session, SEARCH_KIND_PERMISSIONS[kind]),
    );
    // One kind after the other: the pool's connections are shared with every other request.
    const groups: SearchResultView['groups'] = [];
    for (const kind of kinds) {
      const hits = await this.find(kind, principal, term, query.limit);
      groups.push({ kind, items: hits.items.map((hit) => ({ kind, ...hit })), more: hits.more });
    }
    // A search is a read: what kinds it reached and how much it found; never the entry itself. The
    // youth cases and operations shown are named, as their own lists name them (OSL 26 kap 1 §).
    const ids = (kind: SearchKind) => groups.find((g) => g.kind === kind)?.items.map((hit) => hit.id) ?? [];
    await this.audit.record({
      action: 'search.performed',
      resourceType: 'search',
      details: {
        entry: term.caseNumber ? 'case_number' : term.orgNumber ? 'org_number' : 'text',
        counts: Object.fromEntries(groups.map((g) => [g.kind, g.items.length])),
        ...(kinds.includes('youth_case') ? { caseIds: ids('youth_case') } : {}),
        ...(kinds.includes('operation') ? { operationIds: ids('operation') } : {}),
      },
    });
    return { personalNumber: false, groups };
  }

  private find(kind: SearchKind, principal: Principal, term: SearchTerm, limit: number): Promise<SearchHits> {
    const register = { text: term.text, orgNumber: term.orgNumber ?? undefined };
    switch (kind) {
      case 'youth_case':
        // Youth cases are found by their number only: their subjects' names are sealed.
        return term.caseNumber ? this.youth.byNumber(principal, term.caseNumber, limit) : Promise.resolve({ items: [], more: false });
      case 'premises':
        return this.licensing.premises(principal, register, limit);
      case 'licence_holder':
        return this.licensing.holders(principal, register, limit);
      case 'action':
        return this.promises.actions(principal, term.text, limit);
      case 'commitment':
        return this.promises.commitments(principal, term.text, limit);
      case 'operation':
        return this.operations.byCodeName(principal, term.text, limit);
    }
  }
}
