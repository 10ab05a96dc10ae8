import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@samverkan/access';
import { ApiOk } from '@samverkan/platform';
import { SearchQuery, SearchResultView } from './search.dto.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@Controller({ path: 'search', version: '1' })
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'Sök (Search what you may see: youth cases by number, premises and licence holders by name or organisation number, actions, commitments, operations by code name), grouped by kind',
  })
  @ApiOk(SearchResultView)
  find(@CurrentPrincipal() principal: Principal, @Query() query: SearchQuery): Promise<SearchResultView> {
    return this.search.search(principal, query);
  }
}
