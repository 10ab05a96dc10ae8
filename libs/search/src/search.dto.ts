import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SEARCH_KINDS, type SearchKind } from './search-rules.js';

export const MAX_HITS_PER_KIND = 20;
export const DEFAULT_HITS_PER_KIND = 5;

export class SearchQuery {
  @ApiProperty({
    minLength: 2,
    maxLength: 100,
    description:
      'Part of a name or title, a case number (UÄ-1A2B3C4D) or an organisation number. A personal identity number is not looked up here (the answer says so).',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsDefined()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HITS_PER_KIND, default: DEFAULT_HITS_PER_KIND, description: 'At most this many results of each kind' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HITS_PER_KIND)
  limit: number = DEFAULT_HITS_PER_KIND;
}

/** One record found. */
export class SearchHitView {
  @ApiProperty({ enum: SEARCH_KINDS, enumName: 'SearchKind' }) kind!: SearchKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Name, title or number of the record' }) label!: string;
  @ApiProperty({ description: 'A second line: address, organisation number, promise, area or owning organisation' }) secondary!: string;
  @ApiProperty({ example: '/inspections/premises/3f0c…', description: 'Where the web client opens the record' }) link!: string;
}

/** The results of one kind. */
export class SearchGroupView {
  @ApiProperty({ enum: SEARCH_KINDS, enumName: 'SearchKind' }) kind!: SearchKind;
  @ApiProperty({ type: [SearchHitView] }) items!: SearchHitView[];
  @ApiProperty({ description: 'More matched than the limit' }) more!: boolean;
}

export class SearchResultView {
  @ApiProperty({
    description: 'The entry looks like a personal identity or coordination number: nothing was looked up (find the person through the youth-subject search)',
  })
  personalNumber!: boolean;
  @ApiProperty({ type: [SearchGroupView], description: 'One group per kind the caller may search, in a fixed order; none for a personal number' })
  groups!: SearchGroupView[];
}
