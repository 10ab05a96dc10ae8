import { createHash } from 'node:crypto';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobName, QueueName, QueueProcessor, RedisLossWatch, stockholmDate } from '@samverkan/platform';
import type { Job, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DocumentRenderer, readLogo } from './document-renderer.js';
import { DocumentStore } from './document-store.js';
import { type ComposeContext, DocumentRegistry } from './document-template.js';
import type { DocumentRenderJob } from './documents.service.js';

/** Expired previews are swept every hour. */
export const PREVIEW_SWEEP_EVERY_MS = 3600_000;

interface OrganisationRow {
  id: string;
  name: string;
  org_number: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_url: string | null;
}

/**
 * The worker's `documents` queue: renders a document the api registered (its template composes,
 * DocumentRenderer lays out the pages) and stores the PDF with its row, reporting progress on the
 * way; and sweeps expired previews. Rendering is CPU work, which is why it runs here and not in
 * the api's event loop. A retried job finds the row already done and leaves it.
 */
@Processor(QueueName.Documents)
export class DocumentsProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Documents) private readonly queue: Queue,
    private readonly registry: DocumentRegistry,
    private readonly store: DocumentStore,
    private readonly renderer: DocumentRenderer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly watch: RedisLossWatch,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.watch.keep({
      name: 'documents',
      restore: () => this.queue.upsertJobScheduler('documents-preview-sweep', { every: PREVIEW_SWEEP_EVERY_MS }, { name: JobName.DocumentPreviewSweep }),
      intact: async () => (await this.queue.getJobScheduler('documents-preview-sweep')) !== undefined,
    });
  }

  protected readonly handlers = {
    [JobName.DocumentRender]: async (job: Job) => {
      const { documentId } = job.data as DocumentRenderJob;
      try {
        return await this.render(documentId);
      } catch (error) {
        // The last try marks the document failed, so the client stops waiting and offers to make it again.
        if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.store.fail(documentId);
        throw error;
      }
    },
    [JobName.DocumentPreviewSweep]: async () => ({ removed: await this.store.sweepPreviews(this.clock.now()) }),
  };

  private async render(documentId: string): Promise<{ rendered: boolean; pages?: number }> {
    const row = await this.store.find(documentId);
    // The api queues inside its transaction, so the job may come before the commit: try again (the job's backoff).
    if (!row) throw new Error(`document ${documentId} is not there (yet)`);
    if (row.status !== 'pending') return { rendered: false };
    const [organisation] = await this.dataSource.query<OrganisationRow[]>(
      'SELECT id, name, org_number, contact_phone, contact_email, contact_url FROM organisations WHERE id = $1',
      [row.organisation_id],
    );
    const [requester] = await this.dataSource.query<{ display_name: string }[]>('SELECT display_name FROM users WHERE id = $1', [row.requested_by]);
    let reported = 0;
    const report = (percent: number) => {
      const rounded = Math.min(99, Math.floor(percent));
      // Every fifth percent is enough for a progress bar, and spares the database.
      if (rounded < reported + 5) return;
      reported = rounded;
      return this.store.progress(documentId, rounded);
    };
    const context: ComposeContext = {
      date: stockholmDate(row.requested_at),
      draft: row.version === null,
      registrationNumber: row.registration_number,
      organisation: {
        id: organisation.id,
        name: organisation.name,
        contactPhone: organisation.contact_phone,
        contactEmail: organisation.contact_email,
        contactUrl: organisation.contact_url,
      },
      issuedBy: { id: row.requested_by, displayName: requester?.display_name ?? '' },
      // Gathering is the first half of the bar, laying out the pages the second.
      progress: async (fraction) => report(Math.max(0, Math.min(1, fraction)) * 50),
    };
    const composed = await this.registry.template(row.kind).compose(row.record_id, context);
    const letterhead = {
      name: organisation.name,
      logo: await readLogo(this.config.DOCUMENT_LOGO_DIR, organisation.org_number),
      contact: [organisation.contact_phone, organisation.contact_email, organisation.contact_url].filter((c): c is string => !!c),
    };
    const pending: Promise<void>[] = [];
    const rendered = await this.renderer.render(composed, context, letterhead, row.reference, (fraction) => {
      const write = report(50 + fraction * 48);
      if (write) pending.push(write);
    });
    await Promise.all(pending);
    const sha256 = createHash('sha256').update(rendered.bytes).digest('hex');
    await this.store.finish(documentId, { bytes: rendered.bytes, sha256, pageCount: rendered.pageCount, title: composed.title });
    return { rendered: true, pages: rendered.pageCount };
  }
}
