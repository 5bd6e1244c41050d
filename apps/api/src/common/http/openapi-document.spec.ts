import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { TokenScope } from '../auth/decorators';
import { ApiNotFoundFor } from './api-not-found-for';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { ErrorCode, statusFor } from '../errors/error-codes';
import { completeOpenApiDocument, namesCode } from './openapi-document';

// Two controllers with class-level error responses, and handlers that declare different codes of
// their own for the same statuses: each operation must list its own codes and no sibling's.
@ApiNotFoundFor({ orgId: 'ORGANIZATION_NOT_FOUND for non-members', id: 'QUESTION_SET_NOT_FOUND' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
@Controller('orgs/:orgId/things')
class ThingsController {
  @Get()
  @TokenScope('results:read')
  @ApiOkResponse({ description: 'the list' })
  list(@Param('orgId') orgId: string): string {
    return orgId;
  }

  @Post(':id/archive')
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'SET_VERSION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'SET_ARCHIVED' })
  archive(@Param('orgId') orgId: string, @Param('id') id: string): string {
    return orgId + id;
  }

  @Get(':id/review')
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'REVIEW_NOT_ALLOWED' })
  review(@Param('orgId') orgId: string, @Param('id') id: string): string {
    return orgId + id;
  }
}

@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'ROOM_NOT_FOUND' })
@Controller('other')
class OtherController {
  @Post()
  create(): string {
    return 'created';
  }
}

@Module({ controllers: [ThingsController, OtherController] })
class FixtureModule {}

/** The error codes an operation documents, by status. */
function codesOf(doc: OpenAPIObject, path: string, method: 'get' | 'post'): Record<string, string[]> {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`no ${method} ${path} in the document`);
  const out: Record<string, string[]> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    if (Number(status) < 400 || !response || '$ref' in response) continue;
    out[status] = Object.values(ErrorCode)
      .filter((code) => namesCode(response.description, code))
      .sort();
  }
  return out;
}

describe('completeOpenApiDocument', () => {
  let app: INestApplication;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create(FixtureModule, { logger: false });
    app.setGlobalPrefix('api');
    doc = completeOpenApiDocument(app, SwaggerModule.createDocument(app, new DocumentBuilder().build(), { operationIdFactory: (c, m) => `${c.replace(/Controller$/, '')}_${m}` }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should document on each operation its own error codes and the controller-level ones, and no sibling codes', () => {
    expect(codesOf(doc, '/api/orgs/{orgId}/things', 'get')).toEqual({
      '400': ['VALIDATION_FAILED'],
      '401': ['API_TOKEN_INVALID', 'UNAUTHENTICATED'],
      // A read with a token scope: no CSRF check, no "tokens not allowed"; not the review's REVIEW_NOT_ALLOWED.
      '403': ['API_TOKEN_SCOPE_MISSING', 'FORBIDDEN'],
      // No :id in its path: not the set's 404.
      '404': ['NOT_FOUND', 'ORGANIZATION_NOT_FOUND'],
    });
    expect(codesOf(doc, '/api/orgs/{orgId}/things/{id}/archive', 'post')).toEqual({
      '400': ['VALIDATION_FAILED'],
      '401': ['API_TOKEN_INVALID', 'UNAUTHENTICATED'],
      '403': ['API_TOKEN_NOT_ALLOWED', 'CSRF_INVALID', 'FORBIDDEN'],
      // The handler's 404 adds to the controller's instead of replacing it.
      '404': ['NOT_FOUND', 'ORGANIZATION_NOT_FOUND', 'QUESTION_SET_NOT_FOUND', 'SET_VERSION_NOT_FOUND'],
      '409': ['SET_ARCHIVED'],
    });
    expect(codesOf(doc, '/api/orgs/{orgId}/things/{id}/review', 'get')).toEqual({
      '400': ['VALIDATION_FAILED'],
      '401': ['API_TOKEN_INVALID', 'UNAUTHENTICATED'],
      '403': ['API_TOKEN_NOT_ALLOWED', 'FORBIDDEN', 'REVIEW_NOT_ALLOWED'],
      '404': ['NOT_FOUND', 'ORGANIZATION_NOT_FOUND', 'QUESTION_SET_NOT_FOUND'],
    });
    expect(codesOf(doc, '/api/other', 'post')).toEqual({
      '401': ['API_TOKEN_INVALID', 'UNAUTHENTICATED'],
      '403': ['API_TOKEN_NOT_ALLOWED', 'CSRF_INVALID'],
      '404': ['ROOM_NOT_FOUND'],
    });
  });

  it('should give every operation response objects of its own', () => {
    const list = doc.paths['/api/orgs/{orgId}/things']?.get?.responses['403'];
    const archive = doc.paths['/api/orgs/{orgId}/things/{id}/archive']?.post?.responses['403'];
    // Both come from the controller's @ApiForbiddenResponse alone.
    expect(list).toBeDefined();
    expect(list).not.toBe(archive);
  });
});

describe('namesCode', () => {
  it('should match whole codes only', () => {
    expect(namesCode('ROOM_NOT_FOUND (also for rooms you are not a member of)', 'NOT_FOUND')).toBe(false);
    expect(namesCode('ROOM_NOT_FOUND; NOT_FOUND', 'NOT_FOUND')).toBe(true);
    expect(namesCode('NOT_FOUND', 'NOT_FOUND')).toBe(true);
    expect(namesCode('FORBIDDEN for learners', 'FORBIDDEN')).toBe(true);
    expect(namesCode('ROOM_FORBIDDEN (not the creator)', 'FORBIDDEN')).toBe(false);
  });
});

describe('the committed apps/api/openapi.json', () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '../../../openapi.json'), 'utf8')) as OpenAPIObject;
  const operations = Object.entries(committed.paths).flatMap(([path, item]) =>
    (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) => {
      const op = item[method];
      return op ? [{ name: `${method.toUpperCase()} ${path}`, method, op }] : [];
    }),
  );

  it('should file every error code it names under the status the error table gives that code', () => {
    const misfiled: string[] = [];
    for (const { name, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || !response || '$ref' in response) continue;
        for (const code of Object.values(ErrorCode)) {
          if (namesCode(response.description, code) && String(statusFor(code)) !== status) misfiled.push(`${name} ${status}: ${code} is ${statusFor(code)}`);
        }
      }
    }
    expect(misfiled).toEqual([]);
  });

  it('should name CSRF_INVALID only on writes', () => {
    const reads = operations.filter(({ method, op }) => method === 'get' && Object.values(op.responses).some((r) => r && !('$ref' in r) && namesCode(r.description, ErrorCode.CSRF_INVALID)));
    expect(reads.map((r) => r.name)).toEqual([]);
  });
});
