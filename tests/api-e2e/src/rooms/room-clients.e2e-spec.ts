import { openDoc, registeredUser, until, type DocClient, type RoomCaller } from '../support/room-clients';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The test's own room client must let Jest exit: a client the server has just disconnected (a
 * flood, a restart, the API stopping) and that the test closes before the provider's reconnect delay
 * has run must not connect again, least of all forever against an API that has stopped.
 */
describe('room test clients: closed means closed', () => {
  let t: TestApp | undefined;
  let client: DocClient | undefined;

  afterAll(async () => {
    await client?.close();
    await t?.close();
  });

  it('should open no socket after close(), even when the server had just disconnected the client', async () => {
    t = await createTestApp();
    const app = t;
    const user: RoomCaller = await registeredUser(() => app.url, 'closer@example.com', 'Cleo Closer');
    const created = await user.call('POST', '/api/rooms', { kind: 'peer', role: 'sre', level: 'mid' });
    expect(created.status).toBe(201);
    const roomId: string = created.body.id;
    client = await openDoc(app.url, roomId, { cookie: user.cookieHeader ?? '' });
    expect(client.sockets()).toBe(1);

    // Stopping the API closes every room socket; the provider schedules a reconnect one second later.
    // The client is closed as soon as its socket is, not once the whole stop is over: on a loaded
    // machine the stop (dropping the database included) outlasts that second.
    const stopping = app.close();
    t = undefined;
    const c = client;
    await until('the server closed the socket', () => c.closes.length > 0, 10_000);
    await c.close();
    const atClose = c.sockets();
    await stopping;

    // Past the reconnect delay and a retry or two: nothing more was attempted.
    await new Promise((r) => setTimeout(r, 2500));
    expect(c.sockets()).toBe(atClose);
    expect(atClose).toBe(1);
  });
});
