/**
 * yjs and @hocuspocus/server ship CommonJS builds (their `require` export) but declare their
 * types as ES modules, which a CommonJS file cannot `import`. The values are required (so the API,
 * Hocuspocus and the tests share one yjs instance); the types come from the ES declarations.
 */
import type * as YjsModule from 'yjs' with { 'resolution-mode': 'import' };
import type * as HocuspocusModule from '@hocuspocus/server' with { 'resolution-mode': 'import' };
import type * as HocuspocusRedisModule from '@hocuspocus/extension-redis' with { 'resolution-mode': 'import' };

export const Y = require('yjs') as typeof YjsModule;
export const hocuspocusServer = require('@hocuspocus/server') as typeof HocuspocusModule;
/** Loaded only when REDIS_URL is set (it opens connections as soon as it is constructed). */
export const loadHocuspocusRedis = (): typeof HocuspocusRedisModule => require('@hocuspocus/extension-redis') as typeof HocuspocusRedisModule;

export type YDoc = YjsModule.Doc;
export type YText = YjsModule.Text;
export type HocuspocusExtension = HocuspocusModule.Extension;
export type HocuspocusInstance = HocuspocusModule.Hocuspocus;
export type HocuspocusRedisExtension = HocuspocusRedisModule.Redis;
