import type { Server } from 'node:http';

/**
 * Keeps idle connections open longer than clients and proxies do (App Service's front ends and undici both reuse
 * them), so the server never closes a socket at the moment a client sends on it: that race shows as ECONNRESET on a
 * busy machine. Node's 5-second default loses it whenever the event loop is late. Shutdown still closes idle
 * sockets at once (server.close does since Node 19).
 */
export function keepConnectionsAlive(server: Server): Server {
  server.keepAliveTimeout = 65_000;
  // Must exceed keepAliveTimeout, or a request arriving on a reused socket can be cut off while its headers come in.
  server.headersTimeout = 66_000;
  return server;
}
