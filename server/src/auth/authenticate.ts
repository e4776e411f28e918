/**
 * authenticate(req): the Viewer behind an HTTP request, from "Authorization: Bearer <JWT>",
 * "Authorization: ApiKey <key>" or "X-API-Key: <key>"; null without credentials; bad or
 * expired credentials are refused with UNAUTHENTICATED (HTTP 401), never read as anonymous.
 */
import type { Request } from 'express';
import type { AuthService } from './auth.service';
import type { Viewer } from './viewer';

export function createAuthenticate(auth: AuthService): (req: Request) => Promise<Viewer | null> {
  return (req) =>
    auth.authenticate({
      authorization: req.get('authorization') || undefined,
      apiKey: req.get('x-api-key') || undefined,
    });
}
