import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Officer } from './roles';

/** The officer the AuthGuard verified for this request. */
export const CurrentOfficer = createParamDecorator((_data: unknown, context: ExecutionContext): Officer => {
  return context.switchToHttp().getRequest<{ officer: Officer }>().officer;
});
