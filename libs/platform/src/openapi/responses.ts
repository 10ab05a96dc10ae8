import { applyDecorators, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';

/**
 * How routes declare their answers, so the OpenAPI document (and the web client's types generated
 * from it) says what every route returns. A test fails for any operation without a 2xx answer.
 */

const pageSchema = (item: Type) => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: { $ref: getSchemaPath(item) } },
    total: { type: 'integer', description: 'How many matched the filter, over all pages' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
});

/** 200 with one page of `item`s: `{ items, total, limit, offset }` (Page<T>). */
export const ApiPage = (item: Type, description = 'One page of the list') =>
  applyDecorators(ApiExtraModels(item), ApiOkResponse({ description, schema: pageSchema(item) }));

/** 200 with a `type` (a response class; `[type]` for a list that is not paged). */
export const ApiOk = (type: Type | [Type], description = 'OK') => ApiOkResponse({ description, type });

/** 201 with the created record. */
export const ApiCreated = (type: Type | [Type], description = 'Created') => ApiCreatedResponse({ description, type });

/** 204: done, nothing to answer. */
export const ApiNoContent = (description = 'Done') => ApiNoContentResponse({ description });

/**
 * 200 with a file or a rendering that is not JSON (CSV, HTML, iCalendar, an image). `json` adds
 * the JSON form a route also answers (by `format` or `Accept`).
 */
export const ApiFile = (mediaTypes: string[], description = 'The file', json?: Type) =>
  applyDecorators(
    ApiProduces(...mediaTypes, ...(json ? ['application/json'] : [])),
    ...(json ? [ApiExtraModels(json)] : []),
    ApiOkResponse({
      description,
      content: Object.fromEntries([
        ...mediaTypes.map((mediaType) => [mediaType, { schema: { type: 'string', format: mediaType.startsWith('image/') ? 'binary' : undefined } }]),
        ...(json ? [['application/json', { schema: { $ref: getSchemaPath(json) } }]] : []),
      ]),
    }),
  );
