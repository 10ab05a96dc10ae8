import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import type { DataSource } from 'typeorm';

export const RESTAURANT_REPORT_DEADLINE = 'restaurant_report';

/**
 * AL 9 kap 7 §: the licences that report for a year — permanent or shared-area licences in force
 * some time that year, not expired. `year` is the SQL of the year (a placeholder), `l` the licence.
 */
export function reportsForYear(year: string, l = 'l'): string {
  return `${l}.type IN ('permanent', 'shared_serving_area') AND ${l}.valid_from <= make_date(${year}, 12, 31)
    AND (${l}.valid_until IS NULL OR ${l}.valid_until >= make_date(${year}, 1, 1)) AND ${l}.status IN ('active', 'suspended', 'revoked', 'surrendered')`;
}

/**
 * Opens a year's restaurant reports (restaurangrapport, AL 9 kap 7 §) in a collaboration: one per
 * permanent or shared-area licence in force some time that year, due 1 March the next year, each a
 * deadline with reminders (#5). Idempotent: a report already opened is left as it is. Used by the
 * licensing officer's action and by the worker's yearly job on 2 January.
 */
@Injectable()
export class RestaurantReportOpener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
  ) {}

  /** `responsibleUserId` null: the reminders go to the municipality's supervisors. */
  async openYear(collaborationId: string, municipalityId: string, year: number, responsibleUserId: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const created = await manager.query<{ id: string; premises: string; holder: string }[]>(
        `INSERT INTO restaurant_reports (licence_id, year, due_on)
         SELECT l.id, $2, make_date($2 + 1, 3, 1) FROM licences l
         WHERE l.collaboration_id = $1 AND ${reportsForYear('$2')}
         ON CONFLICT (licence_id, year) DO NOTHING
         RETURNING id,
           (SELECT p.name FROM premises p JOIN licences x ON x.premises_id = p.id WHERE x.id = licence_id) AS premises,
           (SELECT h.name FROM licence_holders h JOIN licences x ON x.holder_id = h.id WHERE x.id = licence_id) AS holder`,
        [collaborationId, year],
      );
      // Each report's reminders are scheduled once the transaction commits (DeadlinesService).
      for (const report of created) {
        await this.deadlines.upsert(manager, {
          kind: RESTAURANT_REPORT_DEADLINE,
          resourceType: 'restaurant_report',
          resourceId: report.id,
          title: `Restaurangrapport ${year} – ${report.premises} (${report.holder})`,
          // Due by the end of 1 March, Swedish time.
          dueOn: `${year + 1}-03-01`,
          responsibleUserId,
          responsibleOrganisationId: municipalityId,
        });
      }
      await this.audit.record(
        {
          action: 'restaurant_reports.open',
          resourceType: 'collaboration',
          resourceId: collaborationId,
          subjectOrganisationId: municipalityId,
          details: { year, opened: created.length },
        },
        manager,
      );
      return created.length;
    });
  }

  /** Every collaboration with a municipality, for the yearly job. */
  async collaborations(): Promise<{ id: string; municipalityId: string }[]> {
    return this.dataSource.query(
      `SELECT id, municipality_organisation_id AS "municipalityId" FROM collaborations WHERE municipality_organisation_id IS NOT NULL ORDER BY id`,
    );
  }
}
