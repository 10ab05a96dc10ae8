import { Module } from '@nestjs/common';
import { InspectionsModule } from '@samverkan/inspections';
import { OperationsModule } from '@samverkan/operations';
import { PromisesModule } from '@samverkan/promises';
import { MapController } from './map.controller.js';
import { MapService } from './map.service.js';

/** The map across the areas (issue #20); each lib answers for its own records. No lib imports this one. */
@Module({
  imports: [InspectionsModule, PromisesModule, OperationsModule],
  controllers: [MapController],
  providers: [MapService],
})
export class MapModule {}
