/**
 * /graphql served straight from Node's HTTP server into Apollo Server
 * (`executeHTTPGraphQLRequest`, the interface Apollo's own integrations are built on),
 * without Express: its router, body parser and `res.send` (which hashed every answer for an
 * ETag that `no-store` makes useless) were a share of every request's CPU (docs/performance.md,
 * "Fixed here" 5). What Express did here is done below, the same way:
 *
 * - a JSON body (Content-Type application/json, plain or gzip/deflate/br) of at most
 *   `maxBodyBytes`, else 413 with a GraphQL-shaped error; a body that is not JSON, 400
 *   (BAD_REQUEST); another Content-Encoding, 415; another content type reaches Apollo without
 *   a body, which refuses it (and CSRF prevention sees the header);
 * - `Cache-Control: no-store` on every answer: they are per user and confidential;
 * - Apollo decides everything else: methods, CSRF prevention, status codes, errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { pathOf } from './url-path';

export interface GraphQLHandlerOptions<Context extends BaseContext> {
  /** Builds a request's context; an error it throws is answered by Apollo (e.g. 401). */
  context(req: IncomingMessage): Promise<Context>;
  maxBodyBytes: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The paths answered by the handler: exactly /graphql, with or without a trailing slash. */
export function isGraphQLPath(url: string | undefined): boolean {
  if (!url) return false;
  const path = pathOf(url);
  return path === '/graphql' || path === '/graphql/';
}

export function createGraphQLHandler<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  options: GraphQLHandlerOptions<Context>,
): Handler {
  apollo.assertStarted('createGraphQLHandler()');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    let body: unknown;
    if (isJson(req.headers['content-type'])) {
      const read = await readBody(req, options.maxBodyBytes);
      if (!('text' in read)) return refuse(res, read.status, read.code, read.message);
      try {
        body = read.text === '' ? {} : JSON.parse(read.text);
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
      const bytes = Buffer.from(answer.body.string);
      res.setHeader('Content-Length', bytes.length);
      res.end(bytes);
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

type Body = { text: string } | { status: 400 | 413 | 415; code: string; message: string };

/**
 * The body as UTF-8 text, inflated as its Content-Encoding says (gzip, deflate or br, as
 * Express's parser did). Refused as soon as it is known to exceed `limit` bytes once
 * inflated (from Content-Length when not compressed, or while reading); the rest of a refused
 * body is read and dropped, so the connection stays usable.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const tooLarge: Body = {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: `the request body exceeds ${limit / 1024 / 1024} MB; send a smaller query or smaller variables`,
  };
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const inflate = INFLATERS[encoding];
  if (encoding !== 'identity' && !inflate) {
    req.resume();
    return Promise.resolve({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `the request body's Content-Encoding ${JSON.stringify(encoding)} is not supported; send it as is, or gzip, deflate or br`,
    });
  }
  const declared = Number(req.headers['content-length']);
  if (!inflate && Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  const inflater = inflate?.();
  const source: Readable = inflater ? req.pipe(inflater) : req;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (answer: Body) => {
      source.removeAllListeners('data').removeAllListeners('end');
      if (inflater) req.unpipe(inflater);
      req.resume();
      resolve(answer);
    };
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else stop(tooLarge);
    });
    source.on('end', () => resolve({ text: Buffer.concat(chunks, size).toString('utf8') }));
    const unreadable = () =>
      stop({ status: 400, code: 'BAD_REQUEST', message: 'the request body could not be read' });
    // a broken connection; with an inflater, its own error is the body's encoding
    req.on('error', unreadable);
    if (inflater) {
      inflater.on('error', () =>
        stop({
          status: 400,
          code: 'BAD_REQUEST',
          message: `the request body is not valid ${encoding} (Content-Encoding)`,
        }),
      );
    }
  });
}

const INFLATERS: Record<string, (() => Transform) | undefined> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

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
