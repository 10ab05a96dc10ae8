import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, auditAnchorKey, Clock, REDIS } from '@samverkan/platform';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AnchorVerification } from './audit.dto.js';

/** One seal of the chain's head: the newest event at `anchoredAt`, chained to the anchor before it. */
export interface AuditAnchor {
  seq: number;
  anchoredAt: string;
  eventId: string;
  eventHash: string;
  prevMac: string;
  mac: string;
}

/** Where the newest anchor is kept outside the database (under QUEUE_PREFIX, as every key of the shared client). */
const ANCHOR_HEAD_KEY = 'audit:anchor-head';

/** The newest anchor as written outside the database. */
interface AnchorHead {
  seq: number;
  eventId: string;
  mac: string;
}

/**
 * Anchors the audit chain outside the database. The chain alone (AuditTrail migration) catches an
 * altered, removed or inserted event, but its hashes are plain SHA-256: a database superuser who
 * switches the triggers off can rewrite an event and recompute every hash after it, or empty the
 * table. So the worker seals the chain's newest event every few minutes with an HMAC keyed by
 * AUDIT_ANCHOR_KEY, which the database never holds, chaining each anchor to the one before; and it
 * writes the newest anchor to Redis and the log, outside the database. `verify` then detects a
 * rewrite (an anchored event's hash changed), removed anchors (a gap, or a head newer than the
 * table) and an emptied trail (the head outlives the table). Events after the newest anchor are
 * protected by the chain alone until the next anchor.
 */
@Injectable()
export class AuditAnchorService {
  private readonly logger = new Logger(AuditAnchorService.name);
  private readonly key: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly clock: Clock,
    // The shared client (RedisModule): keys under QUEUE_PREFIX, fails fast when Redis is away.
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.key = auditAnchorKey(config);
  }

  /** Seals the chain's newest event; nothing when no event was recorded since the last anchor. */
  async anchor(): Promise<AuditAnchor | null> {
    const anchor = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit_anchors'))`);
      // Event ids are drawn under the chain's lock held to commit, so every event up to the newest
      // committed one is committed too: the anchor covers a closed prefix of the chain.
      const [head] = await manager.query<{ id: string; hash: string }[]>(`SELECT id::text, hash FROM audit_events ORDER BY id DESC LIMIT 1`);
      if (!head) return null;
      const [last] = await manager.query<{ seq: number; event_id: string; mac: string }[]>(
        `SELECT seq::int, event_id::text, mac FROM audit_anchors ORDER BY seq DESC LIMIT 1`,
      );
      if (last?.event_id === head.id) return null;
      const fields = {
        seq: (last?.seq ?? 0) + 1,
        anchoredAt: this.clock.now().toISOString(),
        eventId: head.id,
        eventHash: head.hash,
        prevMac: last?.mac ?? '',
      };
      const sealed = { ...fields, mac: this.mac(fields) };
      await manager.query(`INSERT INTO audit_anchors (seq, anchored_at, event_id, event_hash, prev_mac, mac) VALUES ($1, $2, $3, $4, $5, $6)`, [
        sealed.seq,
        sealed.anchoredAt,
        sealed.eventId,
        sealed.eventHash,
        sealed.prevMac,
        sealed.mac,
      ]);
      return sealed;
    });
    if (!anchor) return null;
    // The log is the second place outside the database that keeps the head.
    this.logger.log(`audit anchor ${anchor.seq}: event ${anchor.eventId}, mac ${anchor.mac}`);
    await this.writeHead({ seq: anchor.seq, eventId: anchor.eventId, mac: anchor.mac });
    return anchor;
  }

  /** Checks every anchor's seal, its link to the one before, the event it sealed, and the head kept outside. */
  async verify(): Promise<AnchorVerification> {
    const anchors = await this.dataSource.query<(Omit<AuditAnchor, 'anchoredAt'> & { anchoredAt: Date; actualHash: string | null })[]>(
      `SELECT a.seq::int, a.anchored_at AS "anchoredAt", a.event_id::text AS "eventId", a.event_hash AS "eventHash",
              a.prev_mac AS "prevMac", a.mac, e.hash AS "actualHash"
       FROM audit_anchors a LEFT JOIN audit_events e ON e.id = a.event_id
       ORDER BY a.seq`,
    );
    const [{ unanchored }] = await this.dataSource.query<{ unanchored: number }[]>(
      `SELECT count(*)::int AS unanchored FROM audit_events WHERE id > coalesce((SELECT max(event_id) FROM audit_anchors), 0)`,
    );
    const head = await this.readHead();
    const externalHead = head === 'unavailable' ? 'unavailable' : head ? 'confirmed' : anchors.length > 0 ? 'missing' : 'none';
    const result = { checkedAnchors: anchors.length, unanchoredEvents: unanchored, externalHead } as const;

    let previousMac = '';
    for (const [index, row] of anchors.entries()) {
      const anchor = { ...row, anchoredAt: row.anchoredAt.toISOString() };
      if (anchor.seq !== index + 1 || anchor.prevMac !== previousMac) {
        return { ...result, brokenAnchorSeq: anchor.seq, reason: `anchor ${anchor.seq} does not follow the anchor before it (anchors were removed)` };
      }
      if (!this.sealMatches(anchor)) {
        return { ...result, brokenAnchorSeq: anchor.seq, reason: `anchor ${anchor.seq} is not sealed with the anchor key (it was forged or altered)` };
      }
      if (row.actualHash !== anchor.eventHash) {
        const what = row.actualHash === null ? 'is gone' : 'no longer has the hash sealed then';
        return {
          ...result,
          brokenAnchorSeq: anchor.seq,
          brokenEventId: anchor.eventId,
          reason: `event ${anchor.eventId}, sealed by anchor ${anchor.seq}, ${what} (the trail was rewritten or emptied)`,
        };
      }
      previousMac = anchor.mac;
    }
    if (head && head !== 'unavailable') {
      const same = anchors[head.seq - 1];
      if (!same || same.mac !== head.mac) {
        return {
          ...result,
          externalHead: 'contradicted',
          brokenAnchorSeq: head.seq,
          reason: `the anchor head kept outside the database (anchor ${head.seq}) is not in the database (anchors or events were removed)`,
        };
      }
    }
    return result;
  }

  private mac(anchor: Omit<AuditAnchor, 'mac'>): string {
    return createHmac('sha256', this.key)
      .update(['samverkan-audit-anchor-v1', anchor.seq, anchor.anchoredAt, anchor.eventId, anchor.eventHash, anchor.prevMac].join('|'))
      .digest('hex');
  }

  private sealMatches(anchor: AuditAnchor): boolean {
    const expected = Buffer.from(this.mac(anchor), 'hex');
    const stored = Buffer.from(anchor.mac, 'hex');
    return stored.length === expected.length && timingSafeEqual(stored, expected);
  }

  private async writeHead(head: AnchorHead): Promise<void> {
    try {
      // Anchors are made one at a time (an advisory lock); a head written late by an earlier anchor
      // is still a true one, and the next anchor moves it on.
      await this.redis.set(ANCHOR_HEAD_KEY, JSON.stringify(head));
    } catch (error) {
      // The anchor is in the database and the log; the next anchor writes a newer head.
      this.logger.warn(`audit anchor ${head.seq} not written to Redis: ${(error as Error).message}`);
    }
  }

  private async readHead(): Promise<AnchorHead | null | 'unavailable'> {
    try {
      const stored = await this.redis.get(ANCHOR_HEAD_KEY);
      return stored ? (JSON.parse(stored) as AnchorHead) : null;
    } catch {
      return 'unavailable';
    }
  }
}
