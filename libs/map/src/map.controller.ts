import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@samverkan/access';
import { ApiOk } from '@samverkan/platform';
import { MapFeaturesQuery, MapFeaturesView, MapSettingsView } from './map.dto.js';
import { MapService } from './map.service.js';

@ApiTags('map')
@Controller({ path: 'map', version: '1' })
export class MapController {
  constructor(private readonly map: MapService) {}

  @Get('settings')
  @Authenticated()
  @ApiOperation({ summary: 'Kartinställningar (The tile server, if any, and the layers you may read)' })
  @ApiOk(MapSettingsView)
  settings(@CurrentPrincipal() principal: Principal): MapSettingsView {
    return this.map.settings(principal);
  }

  @Get('features')
  @Authenticated()
  @ApiOperation({
    summary:
      'Karta (Premises, named places, findings and released operation areas inside a box, each layer in the scope of its own list; operation areas only as a circle around a named place)',
  })
  @ApiOk(MapFeaturesView)
  features(@CurrentPrincipal() principal: Principal, @Query() query: MapFeaturesQuery): Promise<MapFeaturesView> {
    return this.map.features(principal, query);
  }
}
