import { Module } from '@nestjs/common';
import { InspectionsModule } from '@samverkan/inspections';
import { OperationsModule } from '@samverkan/operations';
import { PromisesModule } from '@samverkan/promises';
import { YouthModule } from '@samverkan/youth';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/** One search box across the areas (issue #17); each lib answers for its own records. No lib imports this one. */
@Module({
  imports: [YouthModule, InspectionsModule, PromisesModule, OperationsModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
