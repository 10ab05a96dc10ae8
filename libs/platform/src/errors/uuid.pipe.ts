import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { fieldError, ValidationProblem } from './problem.js';

/** Route parameters that must be UUIDs: a malformed one is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) {
      const field = metadata.data ?? 'id';
      throw new ValidationProblem([fieldError(field, 'field.uuid')]);
    }
    return value.toLowerCase();
  }
}
