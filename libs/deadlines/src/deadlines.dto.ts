import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery, QueryBoolean } from '@samverkan/platform';
import { ANCHORS, type Anchor, OFFSET_UNITS, type OffsetUnit, RECIPIENTS, type Recipient } from './reminder-rules.js';

export class DeadlineListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['mine', 'unit', 'all'], default: 'all', description: 'Mine, my units’, or both' })
  @IsOptional()
  @IsIn(['mine', 'unit', 'all'])
  scope?: 'mine' | 'unit' | 'all';

  @ApiPropertyOptional({ example: 'action_due' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;

  @ApiPropertyOptional({ enum: ['open', 'met', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'met', 'cancelled'])
  status?: 'open' | 'met' | 'cancelled';

  @ApiPropertyOptional()
  @QueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;
}

export class ReminderRuleInput {
  @ApiProperty({ example: 'action_due' })
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'deadlineKind must be a snake_case name' })
  deadlineKind!: string;

  @ApiProperty({ example: 'before-7d' })
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'key must be lower-case letters, digits and dashes' })
  key!: string;

  @ApiProperty({ enum: ANCHORS })
  @IsIn(ANCHORS)
  anchor!: Anchor;

  @ApiProperty({ example: 7 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  offsetValue!: number;

  @ApiProperty({ enum: OFFSET_UNITS })
  @IsIn(OFFSET_UNITS)
  offsetUnit!: OffsetUnit;

  @ApiProperty({ enum: RECIPIENTS })
  @IsIn(RECIPIENTS)
  recipient!: Recipient;

  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}

export class ReplaceRulesRequest {
  @ApiProperty({ type: [ReminderRuleInput], description: 'The full set of rules for the kinds named; kinds not named keep theirs' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReminderRuleInput)
  rules!: ReminderRuleInput[];
}
