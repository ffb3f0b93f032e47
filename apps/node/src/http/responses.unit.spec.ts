import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { domainError, validationFailed } from '@xb/domain';
import { httpErrorOf, parseBody } from './responses';

describe('HTTP mapping of refusals', () => {
  it.each([
    ['NOT_FOUND', NotFoundException],
    ['VALIDATION_FAILED', BadRequestException],
    ['INVALID_TRANSITION', ConflictException],
    ['NOT_PERMITTED', ConflictException],
  ])('maps %s to %p', (code, type) => {
    expect(httpErrorOf(domainError(code, 'why'))).toBeInstanceOf(type);
  });

  it("names a domain refusal's field when it names one, and none when it names several", () => {
    const body = (fields: string[]) =>
      (httpErrorOf(validationFailed(fields)).getResponse() as { field?: string }).field;
    expect(body(['answers.family'])).toBe('answers.family');
    expect(body(['answers.identity', 'answers.family'])).toBeUndefined();
  });

  it('names the bad field without echoing its value', () => {
    const schema = z.object({ victim: z.object({ name: z.string().min(1) }) });
    try {
      parseBody(schema, { victim: { name: 42 } });
      throw new Error('expected a 400');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      const body = (error as BadRequestException).getResponse() as { field: string; reason: string };
      expect(body.field).toBe('victim.name');
      expect(JSON.stringify(body)).not.toContain('42');
    }
  });
});
