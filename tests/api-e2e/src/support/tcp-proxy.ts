import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of Postgres. `cut()` drops every connection and refuses new ones,
 * as a crashed or partitioned database would; `restore()` lets traffic through again.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(port = 0): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
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
