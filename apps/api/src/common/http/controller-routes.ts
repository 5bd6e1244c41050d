import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';

/** The global route prefix and the paths it leaves alone, as `bootstrap.ts` sets them. */
export interface RoutePrefix {
  prefix: string;
  /** Paths the prefix is not put on, as given to `setGlobalPrefix` (`metrics`); exact, no parameters. */
  exclude: string[];
}

const VERBS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
  [RequestMethod.PATCH]: 'patch',
};

/**
 * Every controller route as the OpenAPI document's `paths` name it (`/api/orgs/{orgId}`: `{ get: {},
 * post: {} }`), read from the same decorator metadata Nest routes by, in the order the modules and
 * handlers were registered; costs a few milliseconds where building the document costs about 0.3 s
 * of CPU. tests/api-e2e/src/platform.e2e-spec.ts holds it equal to the document the API publishes.
 */
export function controllerRoutes(app: INestApplication, prefix: RoutePrefix): Record<string, Record<string, object>> {
  const paths: Record<string, Record<string, object>> = {};
  for (const { cls, handler } of controllerHandlers(app)) {
    const verb = VERBS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
    const own = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
    if (verb === undefined || own === undefined) continue;
    const path = join(Reflect.getMetadata(PATH_METADATA, cls) as string | undefined, own);
    const full = prefix.exclude.some((e) => join(e) === path) ? path : join(prefix.prefix, path);
    const documented = full.replace(/:(\w+)/g, '{$1}');
    (paths[documented] ??= {})[verb] = {};
  }
  return paths;
}

/** Every method of every controller class, in the order the modules and controllers were registered. */
export function* controllerHandlers(app: INestApplication): Generator<{ cls: new (...args: unknown[]) => unknown; name: string; handler: object }> {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!cls?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = (cls.prototype as Record<string, unknown>)[name];
        if (name !== 'constructor' && typeof handler === 'function') yield { cls, name, handler };
      }
    }
  }
}

/** Nest's joining: each part with one leading slash and no trailing one, empty parts left out. */
function join(...parts: Array<string | undefined>): string {
  const joined = parts
    .map((p) => (p ?? '').replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/');
  return `/${joined}`;
}
