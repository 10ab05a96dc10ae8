import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES } from '../errors/catalogue/index.js';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem.js';

const codes = (kind: 'problem' | 'field') => Object.entries(ERROR_CODES).filter(([, spec]) => spec.kind === kind);

/** The catalogue as a readable list: each code, its status, its English text and its params. */
function catalogueText(kind: 'problem' | 'field'): string {
  return codes(kind)
    .map(([code, spec]) => {
      const params = Object.entries(spec.params).map(([name, meaning]) => `\`${name}\` (${meaning})`);
      const status = spec.kind === 'problem' ? ` ${spec.status}` : '';
      return `- \`${code}\`${status}: ${spec.en}${params.length ? ` Params: ${params.join(', ')}.` : ''}`;
    })
    .join('\n');
}

const PARAMS_SCHEMA = {
  type: 'object',
  description: 'What a translation of the code needs; the catalogue names them per code',
  additionalProperties: {},
};

/**
 * Adds the error contract to the document: the `Problem` (RFC 9457) and `FieldError` schemas with
 * every catalogued code, and a problem+json `default` answer on every operation, so clients get
 * typed errors as well as typed answers.
 */
export function addProblemContract(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = {
    ...schemas,
    FieldError: {
      type: 'object',
      required: ['field', 'code', 'params', 'message'],
      properties: {
        field: { type: 'string', description: 'Dotted path of the field, e.g. `items[2].commitmentId`' },
        code: { type: 'string', enum: codes('field').map(([code]) => code), description: `The field codes:\n${catalogueText('field')}` },
        params: PARAMS_SCHEMA,
        message: { type: 'string', description: 'The same in English, for developers' },
      },
    },
    Problem: {
      type: 'object',
      description: 'An error (RFC 9457 problem details). Show `code` with `params` in the user’s language, never `detail`.',
      required: ['type', 'title', 'status', 'code', 'params'],
      properties: {
        type: { type: 'string', description: '`urn:samverkan:problem:<code>`' },
        title: { type: 'string' },
        status: { type: 'integer' },
        code: { type: 'string', enum: codes('problem').map(([code]) => code), description: `The problem codes:\n${catalogueText('problem')}` },
        params: PARAMS_SCHEMA,
        detail: { type: 'string', description: 'The code’s text in English, for developers and logs' },
        instance: { type: 'string' },
        requestId: { type: 'string' },
        errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' }, description: 'For `validation` (400): one entry per bad field' },
      },
      additionalProperties: true,
    },
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      operation.responses.default = {
        description: 'A problem (RFC 9457); `code` says which',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  return document;
}
