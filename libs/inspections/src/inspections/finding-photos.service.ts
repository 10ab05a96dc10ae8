import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { acceptPhoto, FileStorage, invalidField } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { StoredFindingPhotoView } from './inspections.dto.js';
import { InspectionsService } from './inspections.service.js';

/** Enough to document an item; a protocol is not a photo album. */
export const MAX_PHOTOS_PER_ITEM = 10;

/**
 * Photos taken during an inspection, attached to a checklist item. They follow the protocol's
 * rules: added or removed only while findings may change, seen by whoever may see the inspection.
 */
@Injectable()
export class FindingPhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async upload(principal: Principal, inspectionId: string, itemKey: string, declaredType: string | undefined, bytes: unknown): Promise<StoredFindingPhotoView> {
    const inspection = await this.inspections.openForFindings(principal, inspectionId);
    if (!(inspection.checklist ?? []).some((item) => item.key === itemKey)) {
      throw invalidField('itemKey', 'inspection.item_not_on_checklist');
    }
    const photo = acceptPhoto(declaredType, bytes);
    if (inspection.photos.filter((p) => p.itemKey === itemKey).length >= MAX_PHOTOS_PER_ITEM) {
      throw invalidField('itemKey', 'photo.too_many', { max: MAX_PHOTOS_PER_ITEM });
    }
    return this.dataSource.transaction(async (manager) => {
      const storageKey = await this.storage.put(manager, photo.bytes);
      const [stored] = await manager.query<StoredFindingPhotoView[]>(
        `INSERT INTO finding_photos (inspection_id, item_key, content_type, byte_size, sha256, storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, item_key AS "itemKey", content_type AS "contentType", byte_size AS "byteSize", sha256, uploaded_at AS "uploadedAt"`,
        [inspectionId, itemKey, photo.type, photo.bytes.length, photo.sha256, storageKey, principal.userId],
      );
      await this.audit.record(
        {
          action: 'inspection.photo_add',
          resourceType: 'inspection',
          resourceId: inspectionId,
          subjectOrganisationId: inspection.ownerOrganisationId,
          details: { photoId: stored.id, itemKey },
        },
        manager,
      );
      return stored;
    });
  }

  /** The photo's bytes, for whoever may read the inspection; the read is audited by the controller. */
  async read(principal: Principal, inspectionId: string, photoId: string): Promise<{ contentType: string; bytes: Buffer; sha256: string }> {
    await this.inspections.get(principal, inspectionId);
    const photo = await this.find(inspectionId, photoId);
    const bytes = await this.storage.get(photo.storage_key);
    if (!bytes) throw new NotFoundException(`The bytes of photo ${photoId} are missing from storage.`);
    return { contentType: photo.content_type, bytes, sha256: photo.sha256 };
  }

  async remove(principal: Principal, inspectionId: string, photoId: string): Promise<void> {
    const inspection = await this.inspections.openForFindings(principal, inspectionId);
    const photo = await this.find(inspectionId, photoId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM finding_photos WHERE id = $1', [photoId]);
      await this.storage.remove(manager, photo.storage_key);
      await this.audit.record(
        {
          action: 'inspection.photo_remove',
          resourceType: 'inspection',
          resourceId: inspectionId,
          subjectOrganisationId: inspection.ownerOrganisationId,
          details: { photoId, itemKey: photo.item_key },
        },
        manager,
      );
    });
  }

  private async find(inspectionId: string, photoId: string) {
    const [photo] = await this.dataSource.query<{ storage_key: string; content_type: string; item_key: string; sha256: string }[]>(
      'SELECT storage_key, content_type, item_key, sha256 FROM finding_photos WHERE id = $1 AND inspection_id = $2',
      [photoId, inspectionId],
    );
    if (!photo) throw new NotFoundException(`No photo with id ${photoId} on this inspection.`);
    return photo;
  }
}
