import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { createValidationPipe, toFieldErrors } from './validation.js';
import { ValidationProblem } from './problem.js';

class Address {
  @IsString()
  @MaxLength(6)
  postalCode!: string;
}

class Premises {
  @IsString()
  name!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  capacity!: number;

  @ValidateNested()
  @Type(() => Address)
  address!: Address;

  @ValidateNested({ each: true })
  @Type(() => Address)
  otherAddresses!: Address[];
}

async function validate(body: unknown): Promise<ValidationProblem> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Premises });
  } catch (error) {
    if (error instanceof ValidationProblem) return error;
    throw error;
  }
  throw new Error('expected a validation problem');
}

describe('validation', () => {
  it('reports nested fields by their full path', async () => {
    const problem = await validate({
      name: 'Restaurang Skutan',
      capacity: 120,
      address: { postalCode: '663 40 Hammarö' },
      otherAddresses: [{ postalCode: '66340' }, { postalCode: 1 }],
    });
    expect(problem.errors).toEqual([
      { field: 'address.postalCode', message: 'address.postalCode must be shorter than or equal to 6 characters' },
      { field: 'otherAddresses[1].postalCode', message: 'otherAddresses[1].postalCode must be a string' },
    ]);
  });

  it('shows only the type error when a value is of the wrong type', async () => {
    const problem = await validate({ name: 'x', capacity: 'many', address: { postalCode: '66340' }, otherAddresses: [] });
    expect(problem.errors).toEqual([{ field: 'capacity', message: 'capacity must be an integer number' }]);
  });

  it('rejects unknown properties instead of dropping them silently', async () => {
    const problem = await validate({
      name: 'x',
      capacity: 10,
      address: { postalCode: '66340', street: 'Hammarö Skoghall' },
      otherAddresses: [],
      owner: 'someone',
    });
    expect(problem.getStatus()).toBe(400);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'owner', message: 'property owner should not exist' },
        { field: 'address.street', message: 'property address.street should not exist' },
      ]),
    );
  });

  it('flattens errors with no children', () => {
    expect(toFieldErrors([{ property: 'limit', constraints: { max: 'limit must not be greater than 200' }, children: [] }])).toEqual([
      { field: 'limit', message: 'limit must not be greater than 200' },
    ]);
  });
});
