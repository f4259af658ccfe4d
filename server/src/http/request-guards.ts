import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { REQUEST_LIMITS } from '../../../core/src/index.js';
import { errorBody } from './errors.js';

/**
 * Answers below the routes, in the ACS error shape and without echoing the request (issue 16):
 * what Node's parser refuses (a request line or headers too long: 414/431), what the router
 * refuses (bad URL encoding: 400, a too-long path parameter: 414), methods no route serves
 * (CONNECT: 405, no reset), URLs over core's limit (414) and bodies over the limit (413, read to
 * the end so the client sees the answer instead of EPIPE or a reset).
 */

/** Largest refused body read to its end so that the client sees the 413 (bytes). */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/** A raw HTTP/1.1 answer with an ACS error body, then the connection closes. */
function rawAnswer(socket: Duplex, status: number, key: string, summary: string): void {
  if (socket.destroyed || !socket.writable) return;
  const body = JSON.stringify(errorBody(status, key, summary));
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    'Content-Type: application/json\r\nConnection: close\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Fastify's `clientErrorHandler`: parser errors answered as ACS answers, never a bare reset. */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown },
  socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // No line end in what was read: the request line itself (the URL) is too long.
    const raw = err.rawPacket;
    const head = Buffer.isBuffer(raw) ? raw.subarray(0, 64 * 1024).toString('latin1') : '';
    if (!head.includes('\r\n')) {
      rawAnswer(socket, 414, 'framework.exception.InvalidArgument', 'The request URL is too long');
    } else {
      rawAnswer(socket, 431, 'framework.exception.InvalidArgument',
        'The request headers are too large');
    }
    return;
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    rawAnswer(socket, 408, 'framework.exception.InvalidArgument', 'The request timed out');
    return;
  }
  rawAnswer(socket, 400, 'framework.exception.InvalidArgument', 'Malformed HTTP request');
}

/** Fastify's `frameworkErrors`: router errors in the ACS shape, the path not echoed. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest,
  reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(414).send(errorBody(414, 'framework.exception.InvalidArgument',
      'A path parameter is too long'));
    return;
  }
  void reply.code(400).send(errorBody(400, 'framework.exception.InvalidArgument',
    'The request URL is malformed'));
}

/** Registers the guards that need the app: URL length, CONNECT and drained over-size bodies. */
export function registerRequestGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.length > REQUEST_LIMITS.urlLength) {
      return reply.code(414).header('connection', 'close').send(
        errorBody(414, 'framework.exception.InvalidArgument', 'The request URL is too long'));
    }
    return undefined;
  });
  // Node hands CONNECT to a 'connect' listener and resets the socket when there is none.
  app.server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    rawAnswer(socket, 405, 'framework.exception.UnsupportedOperation',
      'The method is not supported');
  });
  // A body over the limit is refused before it is read. Closing the connection at once makes a
  // client still sending see EPIPE or a reset instead of the 413: up to DRAIN_LIMIT the rest is
  // read and dropped and the connection stays usable; beyond, it is closed after the answer.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 413 && !req.raw.readableEnded) {
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (Number.isFinite(declared) && declared <= DRAIN_LIMIT) {
        // Fastify's body parser asks to close (fastify/lib/content-type-parser.js, onDone).
        reply.removeHeader('connection');
        req.raw.resume();
      } else {
        reply.header('connection', 'close');
      }
    }
    return payload;
  });
}
