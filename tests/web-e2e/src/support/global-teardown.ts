type Running = { stop(): Promise<void> };

export default async function globalTeardown(): Promise<void> {
  const app = (globalThis as { __GOPREP_APP__?: Running }).__GOPREP_APP__;
  await app?.stop();
  await (globalThis as { __GOPREP_DNS__?: Running }).__GOPREP_DNS__?.stop();
}
