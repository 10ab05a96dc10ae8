import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAP_LAYERS, type MapLayer } from '@samverkan/platform';

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value);

export class MapFeaturesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this collaboration’s' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'premises,place',
    description: `Comma-separated layers (${MAP_LAYERS.join(', ')}); none: every layer you may read`,
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAP_LAYERS.length)
  @IsIn(MAP_LAYERS, { each: true })
  layers?: MapLayer[];

  @ApiPropertyOptional({ example: '13.40,59.30,13.60,59.45', description: 'west,south,east,north in WGS 84 degrees; none: everywhere' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  bbox?: string;
}

/** One thing on the map. */
export class MapFeatureView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Premises or place name; a finding’s description (its start); an operation area’s general area' }) label!: string;
  @ApiProperty() latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiProperty({ type: String, nullable: true, example: '/inspections/premises/3f0c…', description: 'The record’s page, where it has one' })
  link!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Premises: address; place: its kind (PlaceKind); finding: its category (FindingCategory)' })
  detail!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Findings: FindingStatus' }) status!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Operation areas: the released summary’s period' })
  periodStart!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodEnd!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Operation areas: a circle of this radius around the named place' })
  radiusMetres!: number | null;
}

export class MapLayerView {
  @ApiProperty({ enum: MAP_LAYERS, enumName: 'MapLayer' }) layer!: MapLayer;
  @ApiProperty({ type: [MapFeatureView] }) items!: MapFeatureView[];
  @ApiProperty({ description: 'The box held more than the answer carries: zoom in' }) more!: boolean;
}

export class MapFeaturesView {
  @ApiProperty({ type: [MapLayerView], description: 'One per layer asked for that you may read, in a fixed order' }) layers!: MapLayerView[];
}

/** The map's tile server as configured (MAP_TILE_URL, MAP_TILE_ATTRIBUTION). */
export class MapSettingsView {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://tile.example.org/{z}/{x}/{y}.png',
    description: 'Null: no tile server; draw a plain background',
  })
  tileUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) attribution!: string | null;
  @ApiProperty({ enum: MAP_LAYERS, enumName: 'MapLayer', isArray: true, description: 'The layers you may read' }) layers!: MapLayer[];
}
