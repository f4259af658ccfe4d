/**
 * A deliberately small HTTP client for the contract and reliability suites: plain `fetch`, so
 * that the specs see exactly what goes over the wire (status, headers, raw body), plus Basic
 * auth by password or by ticket as ACS accepts them, and a one-call check of a response against
 * the ACS OpenAPI schema of the operation the URL belongs to.
 */
import { routeOf, validateResponse, type HttpMethod, type ValidationResult } from './openapi.js';
import { openAsBlob } from 'node:fs';
import { AUTH, CORE } from './server-harness.js';

/** A response as the specs inspect it. */
export interface AcsResponse<T = unknown> {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: T;
  /** Raw body text (empty for binary reads through `requestBytes`). */
  text: string;
  /** Method and path of the request, for the schema lookup and failure messages. */
  method: HttpMethod;
  /** Path and query of the request. */
  path: string;
}

/** Request options. */
export interface RequestOptions {
  /** JSON body (serialised) or a raw body (sent as is). */
  json?: unknown;
  /** Raw body: string, bytes, FormData or a stream-like body. */
  body?: BodyInit;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Authorization header value; defaults to the client's. */
  auth?: string | null;
  /** Aborts the request (e.g. `AbortSignal.timeout(ms)` in the benchmarks). */
  signal?: AbortSignal;
}

/** `Basic base64(user:password)`. */
export function basicAuth(user: string, password: string): string {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

/** `Basic base64(ticket)`: how ADF and js-api send a ticket (no `ROLE_TICKET:` prefix). */
export function ticketAuth(ticket: string): string {
  return 'Basic ' + Buffer.from(ticket).toString('base64');
}

/** Fetch-based client bound to one base URL and one identity. */
export class AcsHttp {
  /**
   * @param baseUrl server root, e.g. `http://127.0.0.1:8080`
   * @param auth default Authorization header value (null: anonymous)
   */
  constructor(readonly baseUrl: string, readonly auth: string | null = null) {}

  /** The same server as another user (password login by Basic auth). */
  as(user: string, password: string): AcsHttp {
    return new AcsHttp(this.baseUrl, basicAuth(user, password));
  }

  /** Sends a request and parses a JSON answer when there is one. */
  async request<T = unknown>(method: HttpMethod, path: string,
    opts: RequestOptions = {}): Promise<AcsResponse<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const auth = opts.auth === undefined ? this.auth : opts.auth;
    if (auth) headers.authorization = auth;
    let body = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path,
      { method: method.toUpperCase(), headers, body, signal: opts.signal });
    const text = await res.text();
    let parsed: unknown;
    if (text && (res.headers.get('content-type') ?? '').includes('json')) {
      // A server bug could send invalid JSON under a JSON content type: keep the raw text only.
      try { parsed = JSON.parse(text); } catch { parsed = undefined; }
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text, method, path };
  }

  /** Reads a binary body (content, Range reads) as bytes. */
  async requestBytes(method: HttpMethod, path: string, headers: Record<string, string> = {})
    : Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const all: Record<string, string> = { ...headers };
    if (this.auth) all.authorization = this.auth;
    const res = await fetch(this.baseUrl + path, { method: method.toUpperCase(), headers: all });
    return { status: res.status, headers: res.headers,
      bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** GET shorthand. */
  get<T = unknown>(path: string, opts?: RequestOptions): Promise<AcsResponse<T>> {
    return this.request<T>('get', path, opts);
  }

  /** POST with a JSON body. */
  post<T = unknown>(path: string, json?: unknown, opts?: RequestOptions)
    : Promise<AcsResponse<T>> {
    return this.request<T>('post', path, { ...opts, json });
  }

  /** PUT with a JSON body. */
  put<T = unknown>(path: string, json?: unknown, opts?: RequestOptions)
    : Promise<AcsResponse<T>> {
    return this.request<T>('put', path, { ...opts, json });
  }

  /** DELETE shorthand. */
  delete<T = unknown>(path: string, opts?: RequestOptions): Promise<AcsResponse<T>> {
    return this.request<T>('delete', path, opts);
  }

  /**
   * Multipart upload as ADF does it (`POST nodes/{parentId}/children`, part `filedata` plus form
   * fields such as `name`, `nodeType`, `cm:title`). A path is sent through `fs.openAsBlob`, which
   * streams from disk, so a 1 GiB upload does not load the file into memory.
   */
  async upload<T = unknown>(parentId: string, file: string | Uint8Array, name: string,
    fields: Record<string, string> = {}): Promise<AcsResponse<T>> {
    const form = new FormData();
    const blob = typeof file === 'string' ? await openAsBlob(file) : new Blob([file]);
    form.append('filedata', blob, name);
    for (const [key, value] of Object.entries({ name, ...fields })) form.append(key, value);
    return this.request<T>('post', `${CORE}/nodes/${parentId}/children`, { body: form });
  }

  /** Logs in and returns the ticket id (`POST …/tickets`). */
  async createTicket(user: string, password: string): Promise<string> {
    const res = await this.request<{ entry: { id: string } }>('post', `${AUTH}/tickets`,
      { json: { userId: user, password }, auth: null });
    if (res.status !== 201) throw new Error(`login ${user}: ${res.status} ${res.text}`);
    return res.body.entry.id;
  }
}

/** Validates a response against the ACS schema of the operation its URL belongs to. */
export function checkContract(res: AcsResponse): ValidationResult {
  const { file, template } = routeOf(res.path, res.method);
  return validateResponse(file, res.method, template, res.status, res.body ?? res.text);
}

/**
 * Jasmine expectation: the body matches the ACS schema for its operation and status. The
 * failure message names the schema and lists Ajv's errors and the start of the body.
 */
export function expectContract(res: AcsResponse, status?: number): void {
  if (status !== undefined) {
    expect(res.status).withContext(`${res.method} ${res.path}: ${res.text.slice(0, 300)}`)
      .toBe(status);
  }
  const result = checkContract(res);
  expect(result.errors)
    .withContext(`${result.schemaName}; body: ${res.text.slice(0, 400)}`)
    .toEqual([]);
}

/**
 * Jasmine expectation: an ACS error body with the given status class (e.g. 4) and a
 * `statusCode` equal to the HTTP status.
 */
export function expectAcsError(res: AcsResponse, statusClass = 4): void {
  expect(Math.floor(res.status / 100)).withContext(`${res.method} ${res.path} ${res.status}`)
    .toBe(statusClass);
  const body = res.body as { error?: { statusCode?: number; briefSummary?: string } } | undefined;
  expect(body?.error?.statusCode).withContext(`error body: ${res.text.slice(0, 300)}`)
    .toBe(res.status);
  expect(typeof body?.error?.briefSummary).toBe('string');
  expectContract(res);
}
