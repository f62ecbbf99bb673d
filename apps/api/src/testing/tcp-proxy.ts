import { type NetConnectOpts, type Server, type Socket, connect, createServer } from 'node:net';

/** How the proxy treats traffic: forward it, hold it, or cut every connection. */
export type ProxyMode = 'pass' | 'stall' | 'refuse';

interface Pipe {
  client: Socket;
  upstream: Socket | null;
  toUpstream: Buffer[];
  toClient: Buffer[];
}

/**
 * A TCP proxy between the app and MariaDB, so a test can take "the database" away from one app
 * without stopping the server other suites share. `stall()` holds every byte in both directions
 * (a hung network), `refuse()` cuts open connections and drops new ones (a dead server),
 * `restore()` forwards again, held bytes first.
 */
export class TcpProxy {
  private mode: ProxyMode = 'pass';
  private readonly pipes = new Set<Pipe>();

  private constructor(
    private readonly server: Server,
    private readonly upstream: NetConnectOpts,
    /** The port the proxy listens on (127.0.0.1). */
    readonly port: number,
  ) {}

  /** Starts a proxy on 127.0.0.1 and a free port, forwarding to `upstream`. */
  static async start(upstream: NetConnectOpts): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy did not get a TCP port');
    const proxy = new TcpProxy(server, upstream, address.port);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  /** Holds all traffic: connections stay open, nothing reaches either side. */
  stall(): void {
    this.mode = 'stall';
  }

  /** Destroys every open connection and every new one as soon as it is accepted. */
  refuse(): void {
    this.mode = 'refuse';
    for (const pipe of this.pipes) this.destroy(pipe);
  }

  /** Forwards again; bytes held while stalled are delivered first. */
  restore(): void {
    this.mode = 'pass';
    for (const pipe of this.pipes) {
      if (!pipe.upstream) this.connectUpstream(pipe);
      for (const chunk of pipe.toUpstream.splice(0)) pipe.upstream?.write(chunk);
      for (const chunk of pipe.toClient.splice(0)) pipe.client.write(chunk);
    }
  }

  /** Stops listening and cuts every connection. */
  async close(): Promise<void> {
    for (const pipe of this.pipes) this.destroy(pipe);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'refuse') {
      client.destroy();
      return;
    }
    const pipe: Pipe = { client, upstream: null, toUpstream: [], toClient: [] };
    this.pipes.add(pipe);
    client.on('data', (chunk) => {
      if (this.mode === 'pass' && pipe.upstream) pipe.upstream.write(chunk);
      else pipe.toUpstream.push(chunk);
    });
    client.on('close', () => this.destroy(pipe));
    // A stalled proxy accepts but never reaches the server: the driver waits for a handshake.
    if (this.mode === 'pass') this.connectUpstream(pipe);
  }

  private connectUpstream(pipe: Pipe): void {
    const upstream = connect(this.upstream);
    pipe.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.on('data', (chunk) => {
      if (this.mode === 'pass') pipe.client.write(chunk);
      else pipe.toClient.push(chunk);
    });
    upstream.on('close', () => this.destroy(pipe));
    // Writes before the connection is up are queued by the socket itself.
    for (const chunk of pipe.toUpstream.splice(0)) upstream.write(chunk);
  }

  private destroy(pipe: Pipe): void {
    this.pipes.delete(pipe);
    pipe.client.destroy();
    pipe.upstream?.destroy();
  }
}
