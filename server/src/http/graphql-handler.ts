/**
 * /graphql served straight from Node's HTTP server into Apollo Server
 * (`executeHTTPGraphQLRequest`, the interface Apollo's own integrations are built on),
 * without Express: its router, body parser and `res.send` (which hashed every answer for an
 * ETag that `no-store` makes useless) cost about a fifth of the server's CPU on a small query
 * (docs/performance.md, "Fixed here"). What Express did here is done below, the same way:
 *
 * - a JSON body (Content-Type application/json) of at most `maxBodyBytes`, else 413 with a
 *   GraphQL-shaped error; a body that is not JSON, 400 (BAD_REQUEST); another content type
 *   reaches Apollo without a body, which refuses it (and CSRF prevention sees the header);
 * - `Cache-Control: no-store` on every answer: they are per user and confidential;
 * - Apollo decides everything else: methods, CSRF prevention, status codes, errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export interface GraphQLHandlerOptions<Context extends BaseContext> {
  /** Builds a request's context; an error it throws is answered by Apollo (e.g. 401). */
  context(req: IncomingMessage): Promise<Context>;
  maxBodyBytes: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The paths answered by the handler: exactly /graphql, with or without a trailing slash. */
export function isGraphQLPath(url: string | undefined): boolean {
  if (!url) return false;
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  return path === '/graphql' || path === '/graphql/';
}

export function createGraphQLHandler<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  options: GraphQLHandlerOptions<Context>,
): Handler {
  apollo.assertStarted('createGraphQLHandler()');
  const tooLarge = `the request body exceeds ${options.maxBodyBytes / 1024 / 1024} MB; send a smaller query or smaller variables`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    let body: unknown;
    if (isJson(req.headers['content-type'])) {
      const text = await readBody(req, options.maxBodyBytes);
      if (text === null) return refuse(res, 413, 'PAYLOAD_TOO_LARGE', tooLarge);
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body,
      },
      context: () => options.context(req),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('Content-Length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Apollo answers its own errors; this is a failure around it (a broken socket, say)
      console.error('graphql handler error:', error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(errorBody('INTERNAL_SERVER_ERROR', 'the server failed to answer this request'));
      } else {
        res.destroy();
      }
    });
  };
}

/** application/json, with or without parameters (what Express's json parser accepted). */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim();
  return essence.toLowerCase() === 'application/json';
}

/**
 * The body as UTF-8 text, or null as soon as it is known to exceed `limit` bytes (from
 * Content-Length, or while reading); the rest of a refused body is read and dropped, as
 * Express's parser did, so the connection stays usable.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      req.resume();
      resolve(null);
    };
    const onEnd = () =>
      resolve(
        chunks.length === 1
          ? chunks[0].toString('utf8')
          : Buffer.concat(chunks, size).toString('utf8'),
      );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  const body = errorBody(code, message);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
