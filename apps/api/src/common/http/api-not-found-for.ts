import { SetMetadata } from '@nestjs/common';

export const NOT_FOUND_FOR = 'goprep:openapi-not-found-for';

/**
 * On a controller: what each path parameter answers (404) when the thing it names does not exist
 * or is not the caller's, e.g. `{ orgId: 'ORGANIZATION_NOT_FOUND for non-members', setId:
 * 'QUESTION_SET_NOT_FOUND' }`. The OpenAPI document lists each on the operations whose path has
 * that parameter only, where a class-level `@ApiNotFoundResponse` would list them on all.
 */
export const ApiNotFoundFor = (byParam: Record<string, string>) => SetMetadata(NOT_FOUND_FOR, byParam);
