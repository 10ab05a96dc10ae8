import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { acceptPhoto, FileStorage, invalidField } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { type FindingOwnership, FindingsService } from './findings.service.js';
import type { StoredPromiseFindingPhotoView } from './findings.views.js';

/** Enough to show what was found; the register is not a photo album. */
export const MAX_PHOTOS_PER_FINDING = 10;

/**
 * Photos of a finding (issue #20), stored through the platform's FileStorage. Seen by whoever may
 * see the finding (every view audited); added by its recorder or whoever may update it, removed by
 * whoever may update it, both only while the finding is not done or rejected: what was found and
 * dealt with stays as it was when closed.
 */
@Injectable()
export class FindingPhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly findings: FindingsService,
    private readonly access: AccessService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async upload(principal: Principal, findingId: string, declaredType: string | undefined, body: unknown): Promise<StoredPromiseFindingPhotoView> {
    const facts = await this.findings.facts(principal, findingId);
    // The one who recorded it adds the photo taken on the spot, even when another unit deals with it.
    if (facts.ownerUserId !== principal.userId) await this.access.assertAllowed(principal, 'finding:update', facts);
    await this.assertNotFinal(findingId);
    const photo = acceptPhoto(declaredType, body);
    return this.dataSource.transaction(async (manager) => {
      // Counted after locking the finding (a statement of its own, so the count sees what an upload
      // that held the lock committed): two uploads at once cannot pass the limit together.
      await manager.query('SELECT 1 FROM findings WHERE id = $1 FOR UPDATE', [findingId]);
      const [{ count }] = await manager.query<{ count: number }[]>('SELECT count(*)::int AS count FROM promise_finding_photos WHERE finding_id = $1', [
        findingId,
      ]);
      if (count >= MAX_PHOTOS_PER_FINDING) throw invalidField('body', 'finding.photo_too_many', { max: MAX_PHOTOS_PER_FINDING });
      const storageKey = await this.storage.put(manager, photo.bytes);
      const [stored] = await manager.query<StoredPromiseFindingPhotoView[]>(
        `INSERT INTO promise_finding_photos (finding_id, content_type, byte_size, sha256, storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, content_type AS "contentType", byte_size AS "byteSize", sha256, uploaded_at AS "uploadedAt"`,
        [findingId, photo.type, photo.bytes.length, photo.sha256, storageKey, principal.userId],
      );
      await this.audit.record(
        { action: 'finding.photo_add', resourceType: 'finding', resourceId: findingId, details: { photoId: stored.id, contentType: photo.type } },
        manager,
      );
      return stored;
    });
  }

  /** The photo's bytes, for whoever may read the finding; the read is audited by the controller. */
  async read(principal: Principal, findingId: string, photoId: string): Promise<{ contentType: string; bytes: Buffer; sha256: string }> {
    await this.findings.facts(principal, findingId);
    const photo = await this.find(findingId, photoId);
    const bytes = await this.storage.get(photo.storage_key);
    if (!bytes) throw new NotFoundException(`The bytes of photo ${photoId} are missing from storage.`);
    return { contentType: photo.content_type, bytes, sha256: photo.sha256 };
  }

  async remove(principal: Principal, findingId: string, photoId: string): Promise<void> {
    const facts: FindingOwnership = await this.findings.facts(principal, findingId);
    await this.access.assertAllowed(principal, 'finding:update', facts);
    const photo = await this.find(findingId, photoId);
    await this.assertNotFinal(findingId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM promise_finding_photos WHERE id = $1', [photoId]);
      await this.storage.remove(manager, photo.storage_key);
      await this.audit.record({ action: 'finding.photo_remove', resourceType: 'finding', resourceId: findingId, details: { photoId } }, manager);
    });
  }

  /** Done and rejected findings stay as they were when closed: no more photos or attachments. */
  async assertNotFinal(findingId: string): Promise<void> {
    const [{ status }] = await this.dataSource.query<{ status: string }[]>('SELECT status FROM findings WHERE id = $1', [findingId]);
    if (status === 'done' || status === 'rejected') throw invalidField('status', 'finding.final', { status });
  }

  private async find(findingId: string, photoId: string) {
    const [photo] = await this.dataSource.query<{ storage_key: string; content_type: string; sha256: string }[]>(
      'SELECT storage_key, content_type, sha256 FROM promise_finding_photos WHERE id = $1 AND finding_id = $2',
      [photoId, findingId],
    );
    if (!photo) throw new NotFoundException(`No photo with id ${photoId} on this finding.`);
    return photo;
  }
}
