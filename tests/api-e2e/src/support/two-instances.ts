import { startRedis, type RunningRedis } from '@goprep/test-support';
import { createTestApp, type TestApp } from './test-app';

/** Two API instances on one database sharing a real Redis, as a scaled-out deployment runs rooms. */
export interface TwoInstances {
  redis: RunningRedis;
  a: TestApp;
  b: TestApp;
}

export async function startTwoInstances(): Promise<TwoInstances> {
  const redis = await startRedis();
  const a = await createTestApp({ REDIS_URL: redis.url });
  const b = await createTestApp({ REDIS_URL: redis.url }, { database: a.database });
  return { redis, a, b };
}
