import { SetMetadata } from '@nestjs/common';

export const AUDIT_READ_METADATA = 'samverkan:audit-read';

/**
 * Marks a GET route as a read of sensitive records: every successful call is an audit event
 * `<resourceType>.read` naming the record (route parameter `id`) — who read what, when, from where
 * (access logging as HSLF-FS 2016:40 asks of health records; DOMAIN.md §3).
 */
export const AuditRead = (resourceType: string) => SetMetadata(AUDIT_READ_METADATA, resourceType);
