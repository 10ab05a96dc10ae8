import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DiskFileStorage } from './disk-file-storage.js';
import { FileStorage, PostgresFileStorage } from './file-storage.js';

/**
 * The one file storage of the application: each lib that stores files imports this module and
 * injects FileStorage, and Nest makes one instance of it for all of them. The driver is chosen here
 * (FILE_STORAGE: postgres, the default, or disk under FILE_STORAGE_DIR).
 */
@Module({
  providers: [
    PostgresFileStorage,
    DiskFileStorage,
    {
      provide: FileStorage,
      inject: [AppConfig, PostgresFileStorage, DiskFileStorage],
      useFactory: (config: AppConfig, postgres: PostgresFileStorage, disk: DiskFileStorage) => (config.FILE_STORAGE === 'disk' ? disk : postgres),
    },
  ],
  exports: [FileStorage],
})
export class FilesModule {}
