import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { INT4_MAX } from './numbers.js';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** Query parameters of every list endpoint. Lists are always paginated, at most 200 items a page. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  // Bounded so an offset of 1e20 is a 400, not PostgreSQL's "bigint out of range" (issue #15).
  @ApiPropertyOptional({ minimum: 0, maximum: INT4_MAX, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  offset: number = 0;
}

/** One page of a list, with the total that matched the filter (counted in SQL). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
