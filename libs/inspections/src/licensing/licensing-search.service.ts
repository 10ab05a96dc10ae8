import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, RECORD_PAGES, scopeCondition } from '@samverkan/access';
import { Clock, containsPattern, foldedContains, hitsOf, type SearchHits } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { HOLDER_COLUMNS } from './licence-holders.service.js';
import { PREMISES_COLUMNS } from './premises.service.js';

/** What the header search asks the licence register: part of a name, or else an organisation number (NNNNNN-NNNN). */
export interface RegisterSearchTerm {
  text: string;
  /** When given, the entry is this number: names are not searched. */
  orgNumber?: string;
}

/**
 * The licence register for the header search, in the scope of its lists (premises:read: premises
 * of the caller's collaborations or organisation and those granted to them; licence holders of the
 * municipality alone). Names match in part, whatever the case and accents; an organisation number
 * matches the holder exactly, and the premises where that holder has a licence.
 */
@Injectable()
export class LicensingSearch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async premises(principal: Principal, term: RegisterSearchTerm, limit: number): Promise<SearchHits> {
    const scope = scopeCondition(principal, 'premises:read', PREMISES_COLUMNS, this.clock.now());
    const qb = this.dataSource
      .createQueryBuilder()
      .from('premises', 'p')
      .select('p.id', 'id')
      .addSelect('p.name', 'label')
      .addSelect(`concat_ws(', ', nullif(p.address, ''), nullif(p.city, ''))`, 'secondary')
      .where(scope.sql, scope.params);
    // An organisation number is never part of a name: it is looked up alone (an OR would cost the indexes).
    if (term.orgNumber) {
      qb.andWhere('p.id IN (SELECT l.premises_id FROM licences l JOIN licence_holders h ON h.id = l.holder_id WHERE h.org_number = :orgNumber)', {
        orgNumber: term.orgNumber,
      });
    } else {
      qb.andWhere(foldedContains('p.name', 'pattern'), { pattern: containsPattern(term.text) });
    }
    const rows = await qb
      .orderBy('p.name')
      .addOrderBy('p.id')
      .limit(limit + 1)
      .getRawMany<{ id: string; label: string; secondary: string }>();
    return hitsOf(
      rows.map((row) => ({ ...row, link: RECORD_PAGES.premises.path(row.id) })),
      limit,
    );
  }

  /** Licence holders by name or organisation number; each opens its page in the licence register. */
  async holders(principal: Principal, term: RegisterSearchTerm, limit: number): Promise<SearchHits> {
    const scope = scopeCondition(principal, 'premises:read', HOLDER_COLUMNS, this.clock.now(), { grants: false });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('licence_holders', 'h')
      .select('h.id', 'id')
      .addSelect('h.name', 'label')
      .addSelect('h.org_number', 'secondary')
      .where(scope.sql, scope.params);
    if (term.orgNumber) {
      qb.andWhere('h.org_number = :orgNumber', { orgNumber: term.orgNumber });
    } else {
      qb.andWhere(foldedContains('h.name', 'pattern'), { pattern: containsPattern(term.text) });
    }
    const rows = await qb
      .orderBy('h.name')
      .addOrderBy('h.id')
      .limit(limit + 1)
      .getRawMany<{ id: string; label: string; secondary: string }>();
    return hitsOf(
      rows.map((row) => ({ ...row, link: RECORD_PAGES.licence_holder.path(row.id) })),
      limit,
    );
  }
}
