export { startApp } from './app-process';
export type { RunningApp } from './app-process';
export { freePort } from './free-port';
