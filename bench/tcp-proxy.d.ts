// Types of bench/tcp-proxy.js for the tests that use it.
export interface TcpProxy {
  port: number;
  via(url: string): string;
  readonly accepted: number;
  readonly open: number;
  down(options?: { refuse?: boolean }): Promise<void>;
  blackhole(): void;
  up(): Promise<void>;
  close(): Promise<void>;
}
export function startTcpProxy(target: { host: string; port: number; listenPort?: number }): Promise<TcpProxy>;
