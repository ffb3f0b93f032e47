import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ProcessCategory } from '@xb/domain';
import { RESOURCES } from './command-routes';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The process of `/api/<resource>/<caseId>`: 404 for an unknown resource, 400 for a case id that is no UUID. */
export function caseCategory(resource: string, caseId: string): ProcessCategory {
  const category = RESOURCES.get(resource);
  if (!category) throw new NotFoundException({ code: 'NOT_FOUND', reason: 'no such resource; see /openapi.json' });
  if (!UUID.test(caseId))
    throw new BadRequestException({
      code: 'VALIDATION_FAILED',
      field: 'caseId',
      reason: 'caseId: not a UUID',
    });
  return category;
}
