export { startApp } from './app-process';
export type { RunningApp } from './app-process';
export { freePort } from './free-port';
export { ApiSession, responseFor } from './api-session';
export type { ItemView, Reply } from './api-session';
export { percentile } from './percentile';
export { startRunner } from './runner-process';
export type { RunningRunner } from './runner-process';
