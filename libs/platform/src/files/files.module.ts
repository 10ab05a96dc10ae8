import { Module } from '@nestjs/common';
import { FileStorage, PostgresFileStorage } from './file-storage.js';

/**
 * The one file storage of the application: each lib that stores files imports this module and
 * injects FileStorage, and Nest makes one instance of it for all of them. The driver is chosen here.
 */
@Module({
  providers: [{ provide: FileStorage, useClass: PostgresFileStorage }],
  exports: [FileStorage],
})
export class FilesModule {}
