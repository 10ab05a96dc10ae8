import { Module } from '@nestjs/common';
import { FilesModule, QueueModule, QueueName } from '@samverkan/platform';
import { DocumentRenderer } from './document-renderer.js';
import { DocumentStore } from './document-store.js';
import { DocumentRegistry } from './document-template.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsProcessor } from './documents.processor.js';
import { DocumentsService } from './documents.service.js';

/**
 * What the record libs import, in the api and in the worker: the registry their gates and
 * templates join, and the store their retention purges documents through. One instance in an
 * application, so every lib registers with the same registry.
 */
@Module({
  imports: [FilesModule],
  providers: [DocumentRegistry, DocumentStore],
  exports: [DocumentRegistry, DocumentStore],
})
export class DocumentsCoreModule {}

/** The routes, for the api: they queue the rendering. */
@Module({
  imports: [DocumentsCoreModule, QueueModule.register(QueueName.Documents)],
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsApiModule {}

/** The worker's part: rendering and the preview sweep. */
@Module({
  imports: [DocumentsCoreModule, QueueModule.register(QueueName.Documents)],
  providers: [DocumentRenderer, DocumentsProcessor],
})
export class DocumentsWorkerModule {}
