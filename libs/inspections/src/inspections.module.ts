import { Module } from '@nestjs/common';
import { LicensingController } from './licensing.controller.js';
import { LicensingService } from './licensing.service.js';

/** Alcohol licence supervision. This part: the licence register (holders, premises, licences). */
@Module({
  controllers: [LicensingController],
  providers: [LicensingService],
  exports: [LicensingService],
})
export class InspectionsModule {}
