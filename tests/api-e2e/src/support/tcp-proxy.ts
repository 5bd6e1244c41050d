import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of Postgres. `cut()` drops every connection and refuses new ones,
 * as a crashed or partitioned database would; `restore()` lets traffic through again. With
 * `closeDelayMs`, the database's end of a connection reaches the client that much later, as from
 * a backend slow to exit on a busy machine.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  /** Each client connection the database has not ended yet, and the first bytes it sent (Postgres's startup message). */
  private readonly clients = new Map<Socket, string>();
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly opts: { closeDelayMs?: number } = {},
  ) {}

  /** Client connections the database has not ended yet (as far as the client can know) whose startup message names `applicationName`. */
  openClients(applicationName: string): number {
    return [...this.clients.values()].filter((startup) => startup.includes(`application_name\0${applicationName}\0`)).length;
  }

  async start(port = 0): Promise<number> {
    // Half-open allowed: a client's end is passed on to Postgres, and Postgres's end back to the client.
    this.server = createServer({ allowHalfOpen: true }, (client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      this.clients.set(client, '');
      client.once('data', (chunk: Buffer) => {
        if (this.clients.has(client)) this.clients.set(client, chunk.toString('latin1'));
      });
      client.on('close', () => this.clients.delete(client));
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream);
      upstream.pipe(client, { end: false });
      let closing = false;
      const passClose = (): void => {
        if (closing) return;
        closing = true;
        setTimeout(() => {
          this.clients.delete(client);
          client.end();
        }, this.opts.closeDelayMs ?? 0);
      };
      upstream.once('end', passClose);
      upstream.once('close', passClose);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  async restore(): Promise<void> {
    await this.start(this.port);
  }
}

/**
 * A loopback TCP balancer in front of several API instances: each new connection goes to the
 * first target that accepts it, so once an instance stops, clients reconnect to the next one
 * (as a load balancer's health check would route them).
 */
export class FailoverProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  /** Which target each accepted connection went to, in order. */
  readonly routed: number[] = [];

  constructor(private readonly targetPorts: number[]) {}

  async start(): Promise<string> {
    this.server = createServer((client) => {
      client.pause();
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      const attempt = (i: number): void => {
        const port = this.targetPorts[i];
        if (port === undefined) {
          client.destroy();
          return;
        }
        const upstream = connect(port, '127.0.0.1');
        let connected = false;
        upstream.once('error', () => {
          if (!connected) attempt(i + 1);
        });
        upstream.once('connect', () => {
          connected = true;
          this.routed.push(port);
          this.sockets.add(upstream);
          upstream.on('close', () => {
            this.sockets.delete(upstream);
            client.destroy();
          });
          upstream.on('error', () => upstream.destroy());
          client.on('close', () => upstream.destroy());
          client.pipe(upstream).pipe(client);
          client.resume();
        });
      };
      attempt(0);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
