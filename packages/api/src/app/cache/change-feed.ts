import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Client } from 'pg';
import { REGISTRY_CHANNEL } from './registry-changes';

/** How long a barrier may wait for its own notification before the request goes on without the cache. */
const SYNC_TIMEOUT_MS = 2_000;
const RECONNECT_MS = 1_000;

interface Waiter {
  resolve: (generation: number) => void;
  reject: (error: Error) => void;
}

/**
 * What this process knows of the registry's writes: one LISTEN connection to the primary. The
 * generation moves on every `civimap_registry` notification (any committed write, by any process)
 * and whenever the connection is lost, since notifications may have been missed meanwhile.
 *
 * `sync()` is a barrier: it sends a notification on a channel of this process's own and resolves
 * when it comes back. PostgreSQL delivers notifications in commit order, so by then every write
 * committed before the call has moved the generation: a read that starts after a write's response
 * never gets an answer from before it, in this process or any other. Concurrent calls share one
 * round trip (each waits for a barrier sent after it asked).
 */
export class ChangeFeed {
  private client: Client | null = null;
  private healthy = false;
  private closed = false;
  private generationValue = 0;
  private readonly syncChannel = `civimap_sync_${randomBytes(6).toString('hex')}`;
  private queued: Waiter[] = [];
  private inFlight: { nonce: string; waiters: Waiter[]; timer: NodeJS.Timeout } | null = null;
  private nonces = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  get generation(): number {
    return this.generationValue;
  }

  /** Called on every change of generation (the cache drops what it holds). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  async start(): Promise<void> {
    await this.connect().catch((error) => {
      this.logger.warn({ err: error }, 'response cache: cannot listen for registry changes; caching is off until it can');
      this.scheduleReconnect();
    });
  }

  sync(): Promise<number> {
    if (!this.healthy) return Promise.reject(new Error('not listening for registry changes'));
    return new Promise((resolve, reject) => {
      this.queued.push({ resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.lost(new Error('closed'));
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: `${process.env.PGAPPNAME || 'civimap'}:change-feed` });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, new Error('connection ended')));
    client.on('notification', (message) => this.received(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`listen ${REGISTRY_CHANNEL}; listen ${this.syncChannel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.healthy = true;
    // Writes may have committed while nobody listened.
    this.advance();
  }

  private received(channel: string, payload: string): void {
    if (channel === REGISTRY_CHANNEL) {
      this.advance();
      return;
    }
    const flight = this.inFlight;
    if (channel !== this.syncChannel || !flight || payload !== flight.nonce) return;
    clearTimeout(flight.timer);
    this.inFlight = null;
    for (const waiter of flight.waiters) waiter.resolve(this.generationValue);
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || !this.queued.length || !this.client) return;
    const waiters = this.queued;
    this.queued = [];
    const nonce = String(++this.nonces);
    const client = this.client;
    const timer = setTimeout(() => this.dropped(client, new Error('registry change barrier timed out')), SYNC_TIMEOUT_MS);
    timer.unref();
    this.inFlight = { nonce, waiters, timer };
    client.query('select pg_notify($1, $2)', [this.syncChannel, nonce]).catch((error) => this.dropped(client, error));
  }

  private advance(): void {
    this.generationValue += 1;
    for (const listener of this.listeners) listener();
  }

  /** Pending barriers fail (their requests go on uncached) and the generation moves: nothing cached before can be trusted. */
  private lost(error: Error): void {
    const waiters = [...(this.inFlight?.waiters ?? []), ...this.queued];
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.queued = [];
    for (const waiter of waiters) waiter.reject(error);
    if (this.healthy) {
      this.healthy = false;
      this.advance();
    }
  }

  private dropped(client: Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    if (!this.closed) this.logger.warn({ err: error }, 'response cache: lost the registry change feed; caching is off until it reconnects');
    this.lost(error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    setTimeout(() => {
      if (this.closed || this.client) return;
      this.connect().catch(() => this.scheduleReconnect());
    }, RECONNECT_MS).unref();
  }
}
