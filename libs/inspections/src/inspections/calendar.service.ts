import { createHash, randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@samverkan/audit';
import { AppConfig, Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { inspectionTypeLabel } from './inspection-labels.js';
import type { CalendarFeedView } from './inspections.dto.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Each inspector's inspections as an iCalendar feed (RFC 5545) for their phone or Outlook. The feed
 * URL carries a secret token (only its hash is stored); a new token replaces the old one, and
 * revoking it stops the feed at once.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string): Promise<CalendarFeedView> {
    const token = randomBytes(24).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [userId, hash(token)],
    );
    await this.audit.record({ action: 'calendar_feed.issue', resourceType: 'user', resourceId: userId });
    return { url: `${this.config.PUBLIC_URL}/api/v1/inspections/calendar.ics?token=${token}` };
  }

  async revoke(userId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM calendar_feeds WHERE user_id = $1', [userId]);
    await this.audit.record({ action: 'calendar_feed.revoke', resourceType: 'user', resourceId: userId });
  }

  /** The feed of the token's owner: inspections they are booked on, from 30 days back to a year ahead. */
  async feed(token: string): Promise<string> {
    const [owner] = await this.dataSource.query<{ user_id: string }[]>('SELECT user_id FROM calendar_feeds WHERE token_hash = $1', [hash(token)]);
    if (!owner) throw new NotFoundException('No calendar feed for that token.');
    const now = this.clock.now();
    const rows = await this.dataSource.query<
      { id: string; type: string; status: string; planned_start: Date; planned_end: Date; name: string; address: string; city: string; updated_at: Date }[]
    >(
      `SELECT i.id, i.type, i.status, i.planned_start, i.planned_end, p.name, p.address, p.city, i.updated_at
       FROM inspection_inspectors ii JOIN inspections i ON i.id = ii.inspection_id JOIN premises p ON p.id = i.premises_id
       WHERE ii.user_id = $1 AND i.planned_start BETWEEN $2::timestamptz - interval '30 days' AND $2::timestamptz + interval '365 days'
       ORDER BY i.planned_start`,
      [owner.user_id, now],
    );
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Samverkan//Tillsyn//SV',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Tillsyner',
      'X-WR-TIMEZONE:Europe/Stockholm',
      ...rows.flatMap((r) => [
        'BEGIN:VEVENT',
        `UID:inspection-${r.id}@samverkan`,
        `DTSTAMP:${stamp(r.updated_at)}`,
        `DTSTART:${stamp(r.planned_start)}`,
        `DTEND:${stamp(r.planned_end)}`,
        `SUMMARY:${text(`Tillsyn: ${r.name} (${inspectionTypeLabel(r.type).toLowerCase()})`)}`,
        `LOCATION:${text([r.address, r.city].filter(Boolean).join(', '))}`,
        `STATUS:${r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
    ];
    return `${lines.map(fold).join('\r\n')}\r\n`;
  }
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 TEXT: backslash, semicolon, comma and newline escaped. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (Buffer.byteLength(current + char) > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
