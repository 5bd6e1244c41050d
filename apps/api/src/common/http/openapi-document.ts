import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { AUTH_SCHEME, IS_PUBLIC, ROLES, TOKEN_SCOPE, type AuthScheme, type TokenScopeName, type UserRole } from '../auth/decorators';
import { ErrorCode, statusFor } from '../errors/error-codes';
import { NOT_FOUND_FOR } from './api-not-found-for';
import { controllerHandlers } from './controller-routes';
import { SCHEMA_RULES } from './api-schema-rules';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ReferenceObject = { $ref: string };
type SchemaOrRef = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
type SchemaObject = Exclude<SchemaOrRef, ReferenceObject>;
type ResponseObject = Exclude<OperationObject['responses'][string], ReferenceObject>;

/** Security scheme names in `components.securitySchemes`. */
export const SECURITY = { session: 'session', candidate: 'candidate', metrics: 'metricsToken', apiToken: 'apiToken', csrf: 'csrf', csrfCookie: 'csrfCookie', room: 'roomToken' } as const;
const ERROR_BODY = 'ErrorBodyDto';
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface RouteAccess {
  auth: AuthScheme | 'public';
  roles?: UserRole[];
  /** The scope an API token needs to call the operation; undefined: sessions only. */
  tokenScope?: TokenScopeName;
}

/** What the document needs to know about one handler, from its own metadata and its controller's. */
interface RouteFacts {
  access: RouteAccess;
  /**
   * The error responses its decorators declare, by status: the controller's first, then the
   * handler's own. @nestjs/swagger lets a handler's entry replace the controller's for the same
   * status (the controller's codes went missing) and hands every operation the same controller-level
   * response object (so whatever was added to one operation showed in its siblings).
   */
  declared: Map<string, string[]>;
}

/** Where @ApiResponse and its shorthands keep their entries (DECORATORS.API_RESPONSE in @nestjs/swagger, which does not export it). */
const API_RESPONSE_METADATA = 'swagger/apiResponse';

type DeclaredResponses = Record<string, { description?: string } | undefined>;

function declaredErrors(cls: object, handler: object, path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const byParam = (Reflect.getMetadata(NOT_FOUND_FOR, cls) as Record<string, string> | undefined) ?? {};
  const params = new Set([...path.matchAll(/:(\w+)/g)].map((m) => m[1]));
  const notFound = Object.entries(byParam).flatMap(([param, description]) => (params.has(param) ? [description] : []));
  if (notFound.length > 0) out.set('404', notFound);
  for (const target of [cls, handler]) {
    const responses = Reflect.getMetadata(API_RESPONSE_METADATA, target) as DeclaredResponses | undefined;
    for (const [status, entry] of Object.entries(responses ?? {})) {
      if (!(Number(status) >= 400) || !entry?.description) continue;
      out.set(status, [...(out.get(status) ?? []), entry.description]);
    }
  }
  return out;
}

/** The handler's path as Nest routes it (controller path and method path, `:param` placeholders). */
function routePath(cls: object, handler: object): string {
  const part = (target: object): string => {
    const p = Reflect.getMetadata(PATH_METADATA, target) as string | string[] | undefined;
    return Array.isArray(p) ? (p[0] ?? '') : (p ?? '');
  };
  return `${part(cls)}/${part(handler)}`;
}

/**
 * Each handler's facts keyed by operationId (`<Controller>_<method>`): who may call it, read from
 * the same metadata the session guard reads (@Public, @Roles, handler before class), and the
 * error responses it declares.
 */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const out = new Map<string, RouteFacts>();
  for (const { cls, name, handler } of controllerHandlers(app)) {
    const read = <T>(key: string): T | undefined => (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, cls) as T | undefined);
    const scheme = read<AuthScheme>(AUTH_SCHEME);
    const isPublic = read<boolean>(IS_PUBLIC) === true;
    out.set(`${cls.name.replace(/Controller$/, '')}_${name}`, {
      access: {
        auth: scheme ?? (isPublic ? 'public' : 'session'),
        roles: read<UserRole[]>(ROLES),
        tokenScope: read<TokenScopeName>(TOKEN_SCOPE),
      },
      declared: declaredErrors(cls, handler, routePath(cls, handler)),
    });
  }
  return out;
}

/** The error codes every operation of this shape can answer, from the middleware and pipes all routes pass. */
function derivedCodes(method: string, path: string, op: OperationObject, access: RouteAccess): ErrorCode[] {
  const codes: ErrorCode[] = [];
  const params = (op.parameters ?? []) as Array<{ in?: string }>;
  if (op.requestBody || params.length > 0) codes.push(ErrorCode.VALIDATION_FAILED);
  if (op.requestBody) codes.push(ErrorCode.BAD_JSON, ErrorCode.PAYLOAD_TOO_LARGE);
  if (access.auth === 'session') {
    // Any of them may be called with a bearer token: a dead one is refused, so is one without the scope.
    codes.push(ErrorCode.UNAUTHENTICATED, ErrorCode.API_TOKEN_INVALID, access.tokenScope ? ErrorCode.API_TOKEN_SCOPE_MISSING : ErrorCode.API_TOKEN_NOT_ALLOWED);
  }
  if (access.auth === 'candidate') codes.push(ErrorCode.CANDIDATE_SESSION_MISSING);
  if (access.auth === 'room') codes.push(ErrorCode.UNAUTHENTICATED);
  if (access.auth === 'metrics') codes.push(ErrorCode.UNAUTHENTICATED, ErrorCode.NOT_FOUND);
  if (access.roles) codes.push(ErrorCode.FORBIDDEN);
  if (UNSAFE.has(method) && path.startsWith('/api/')) codes.push(ErrorCode.CSRF_INVALID);
  if (params.some((p) => p.in === 'path')) codes.push(ErrorCode.NOT_FOUND);
  return codes;
}

function isRef(x: unknown): x is ReferenceObject {
  return typeof x === 'object' && x !== null && '$ref' in x;
}

/**
 * Gives the operation error responses of its own (copies, never the objects @nestjs/swagger shares
 * between the operations of one controller), each described by the controller's and the handler's
 * declarations together.
 */
function ownErrorResponses(op: OperationObject, declared: Map<string, string[]>): void {
  for (const status of new Set([...Object.keys(op.responses), ...declared.keys()])) {
    const response = op.responses[status];
    if (Number(status) < 400 || isRef(response)) continue;
    const own: ResponseObject = response ? structuredClone(response) : { description: '', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY}` } } } };
    const parts = declared.get(status);
    if (parts) own.description = [...new Set(parts)].join('; ');
    op.responses[status] = own;
  }
}

/** Whether the description names the code as a whole word (`NOT_FOUND` is not named by `ROOM_NOT_FOUND`). */
export function namesCode(description: string, code: string): boolean {
  return new RegExp(`(^|[^A-Z0-9_])${code}($|[^A-Z0-9_])`).test(description);
}

/** Adds the codes to the operation's responses, grouped by the status the error table gives them. */
function addErrorResponses(op: OperationObject, codes: ErrorCode[]): void {
  for (const code of codes) {
    const status = String(statusFor(code));
    const existing = op.responses[status];
    if (isRef(existing)) continue;
    const response: ResponseObject = existing ?? { description: '' };
    if (!namesCode(response.description, code)) response.description = response.description ? `${response.description}; ${code}` : code;
    response.content ??= { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY}` } } };
    op.responses[status] = response;
  }
}

/**
 * Errors are JSON whatever the success body is: `@ApiProduces('text/csv')` (a download) would
 * otherwise declare its 400 as text/csv, and the document would contradict the response.
 */
function errorsAsJson(op: OperationObject): void {
  for (const [status, response] of Object.entries(op.responses)) {
    if (Number(status) < 400 || !response || isRef(response) || !response.content) continue;
    const schema = Object.values(response.content).find((media) => refName(media.schema) === ERROR_BODY)?.schema;
    if (schema) response.content = { 'application/json': { schema } };
  }
}

function security(method: string, path: string, access: RouteAccess): Array<Record<string, string[]>> {
  // Double submit: the header and the cookie it must equal, both required together.
  const csrf: Record<string, string[]> = UNSAFE.has(method) && path.startsWith('/api/') ? { [SECURITY.csrf]: [], [SECURITY.csrfCookie]: [] } : {};
  if (access.auth === 'public') return Object.keys(csrf).length > 0 ? [csrf] : [];
  // A room member: a user's session (CSRF on writes), or a guest's member token header alone.
  if (access.auth === 'room') return [{ [SECURITY.session]: [], ...csrf }, { [SECURITY.room]: [] }];
  const cookie = { [SECURITY[access.auth]]: [], ...csrf };
  // A bearer request needs no CSRF token; the requirement names the scope the token must hold.
  return access.tokenScope ? [cookie, { [SECURITY.apiToken]: [access.tokenScope] }] : [cookie];
}

type Storage = { validationMetadatas: Map<unknown, ValidationMetadata[]> };

/** Validated classes by name (the schema names @nestjs/swagger gives them). */
function validatedClasses(): Map<string, ValidationMetadata[]> {
  const storage = getMetadataStorage() as unknown as Storage;
  const byName = new Map<string, ValidationMetadata[]>();
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target !== 'function' || !target.name) continue;
    byName.set(target.name, getMetadataStorage().getTargetValidationMetadatas(target as new () => object, '', true, false));
  }
  return byName;
}

const NESTED = 'nestedValidation';

/** JSON Schema keywords for one class-validator constraint, where it has an exact counterpart. */
function keywordsFor(meta: ValidationMetadata): SchemaObject {
  const [a, b] = (meta.constraints ?? []) as unknown[];
  switch (meta.name) {
    case 'maxLength':
      return { maxLength: a as number };
    case 'minLength':
      return { minLength: a as number };
    case 'isLength':
      return { minLength: a as number, ...(typeof b === 'number' ? { maxLength: b } : {}) };
    case 'matches':
      // Flags (i, u, s...) have no JSON Schema form: such a pattern stays in the description only.
      return a instanceof RegExp && a.flags === '' ? { pattern: a.source } : {};
    case 'isIn':
      return Array.isArray(a) ? { enum: a } : {};
    case 'isUuid':
      return { format: 'uuid' };
    case 'isEmail':
      return { format: 'email' };
    case 'isIso8601':
      return { format: 'date-time' };
    case 'arrayMinSize':
      return { minItems: a as number };
    case 'arrayMaxSize':
      return { maxItems: a as number };
    case 'arrayUnique':
      return { uniqueItems: true };
    case 'isInt':
      return { type: 'integer' };
    case 'min':
      return { minimum: a as number };
    case 'max':
      return { maximum: a as number };
    default:
      return {};
  }
}

/** Fills what the decorators left out; never overrides a keyword the DTO states itself. */
function fill(target: SchemaObject, keywords: SchemaObject): void {
  for (const [k, v] of Object.entries(keywords)) {
    const key = k as keyof SchemaObject;
    if (key === 'type' && target.type === 'number') (target as Record<string, unknown>)[key] = v;
    else if (target[key] === undefined) (target as Record<string, unknown>)[key] = v;
  }
}

function refName(schema: SchemaObject | ReferenceObject | undefined): string | undefined {
  if (!schema) return undefined;
  if (isRef(schema)) return schema.$ref.replace('#/components/schemas/', '');
  if (schema.allOf?.length === 1) return refName(schema.allOf[0]);
  if (schema.type === 'array') return refName(schema.items);
  return undefined;
}

/**
 * The request body schemas say what the global ValidationPipe enforces: unknown fields refused
 * (`additionalProperties: false`) on every class it validates (bodies and their @ValidateNested
 * children), and the length, pattern, range, size and format constraints of class-validator.
 */
function describeInputSchemas(doc: OpenAPIObject): void {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const classes = validatedClasses();
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const schema = schemas[name];
    const metas = classes.get(name);
    if (!schema || !metas || isRef(schema)) return;
    schema.additionalProperties ??= false;
    const props = (schema.properties ?? {}) as Record<string, SchemaObject | ReferenceObject>;
    for (const meta of metas) {
      const prop = props[meta.propertyName];
      if (!prop || isRef(prop)) continue;
      if (meta.type === NESTED) {
        const child = refName(prop);
        if (child) visit(child);
        continue;
      }
      const keywords = keywordsFor(meta);
      if (meta.each) {
        if (prop.type === 'array' && prop.items && !isRef(prop.items)) fill(prop.items, keywords);
      } else if (!prop.allOf && !prop.oneOf) {
        fill(prop, keywords);
      }
    }
  };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      const body = op?.requestBody;
      if (!body || isRef(body)) continue;
      const name = refName(body.content['application/json']?.schema);
      if (name) visit(name);
    }
  }
}

/**
 * Makes the generated document state what the code does: each operation's security (session cookie,
 * candidate cookie or none, plus the CSRF header on writes), the error responses its guards, pipes
 * and middleware can give (from the code -> status table), and the input constraints of its DTOs.
 */
export function completeOpenApiDocument(app: INestApplication, doc: OpenAPIObject): OpenAPIObject {
  const facts = routeFacts(app);
  doc.components ??= {};
  doc.components.securitySchemes = {
    [SECURITY.session]: { type: 'apiKey', in: 'cookie', name: 'goprep_session', description: 'The session cookie set by login or register' },
    [SECURITY.candidate]: { type: 'apiKey', in: 'cookie', name: 'goprep_candidate', description: 'The candidate cookie set by POST /api/candidate/session' },
    [SECURITY.metrics]: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN; /metrics answers 404 when it is unset' },
    [SECURITY.apiToken]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'gp_<43 base64url characters>',
      description:
        'A personal or organization API token (Authorization: Bearer gp_...). Only operations whose security lists this scheme accept one, and only with the scope listed; others answer 403 API_TOKEN_NOT_ALLOWED. Bearer requests need no CSRF token.',
    },
    [SECURITY.csrf]: {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description: 'Writes under /api/ echo the goprep_csrf cookie (set on any response, or from GET /api/auth/csrf) in this header',
    },
    [SECURITY.room]: { type: 'apiKey', in: 'header', name: 'X-Room-Token', description: "A guest room member's token from POST /api/rooms/join (no CSRF header needed with it)" },
    [SECURITY.csrfCookie]: { type: 'apiKey', in: 'cookie', name: 'goprep_csrf', description: 'The CSRF cookie whose value the X-CSRF-Token header repeats' },
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const fact = op.operationId ? facts.get(op.operationId) : undefined;
      const a = fact?.access ?? { auth: 'session' as const };
      op.security = security(method, path, a);
      ownErrorResponses(op, fact?.declared ?? new Map());
      addErrorResponses(op, derivedCodes(method, path, op, a));
      errorsAsJson(op);
    }
  }
  describeInputSchemas(doc);
  const schemas = doc.components.schemas ?? {};
  for (const [name, rules] of SCHEMA_RULES) {
    const schema = schemas[name];
    if (schema && !isRef(schema)) Object.assign(schema, rules);
  }
  return doc;
}
