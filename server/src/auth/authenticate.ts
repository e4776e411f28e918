/**
 * authenticate(req): the Viewer behind an HTTP request, from "Authorization: Bearer <JWT>",
 * "Authorization: ApiKey <key>" or "X-API-Key: <key>"; null without credentials; bad or
 * expired credentials are refused with UNAUTHENTICATED (HTTP 401), never read as anonymous.
 */
import type { IncomingMessage } from 'node:http';
import type { AuthService } from './auth.service';
import type { Viewer } from './viewer';

/** What authenticating reads of a request: its headers (an Express request is one too). */
export type Authenticate = (req: Pick<IncomingMessage, 'headers'>) => Promise<Viewer | null>;

export function createAuthenticate(auth: AuthService): Authenticate {
  return (req) =>
    auth.authenticate({
      authorization: req.headers.authorization || undefined,
      apiKey: header(req.headers['x-api-key']),
    });
}

function header(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value.join(', ') : value) || undefined;
}
