/**
 * Building blocks of EFR's JSON contract (issue 15): the REST API v1 envelopes (`entry`,
 * `list` with `pagination`, the error body) that every `/alfresco/s/efr/…` web script answers,
 * and small helpers over TypeBox. Schemas are values (checked with ajv by the specs), types
 * are their `Static<>`: server/ imports both, the module (behaviors/) and the app (extension/)
 * import types only, so nothing of TypeBox runs in Rhino or lands in the app's bundle.
 */
import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';

/** An object with exactly these properties: an undeclared field is a contract mismatch. */
export function Strict<T extends TProperties>(properties: T, description?: string): TObject<T> {
  return Type.Object(properties, { additionalProperties: false, description });
}

/** A value or `null` (the web scripts answer `null`, never leave a declared field out). */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** One of a fixed list of strings, typed as the union of its members (core's enumerations). */
export function OneOf<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

/** An ISO 8601 instant as the web scripts write it (UTC, `Z`) or read it (with a zone). */
export const Instant = Type.String({ description: 'ISO 8601 date-time' });

/** A repository node id. */
export const NodeId = Type.String({ description: 'node id' });

/** A user id (login name): the screens show the person's name, never this. */
export const UserId = Type.String({ description: 'user id' });

/** `{ "entry": T }`: one resource. */
export function Entry<T extends TSchema>(entry: T) {
  return Strict({ entry });
}

/** The pagination of a REST API v1 list. */
export const Pagination = Strict({
  count: Type.Integer({ minimum: 0 }),
  hasMoreItems: Type.Boolean(),
  totalItems: Type.Optional(Type.Integer({ minimum: 0 })),
  skipCount: Type.Integer({ minimum: 0 }),
  maxItems: Type.Integer({ minimum: 0 }),
});

/** `{ "list": { "pagination", "entries": [{ "entry": T }] } }`: a REST API v1 list. */
export function List<T extends TSchema>(entry: T) {
  return Strict({
    list: Strict({ pagination: Pagination, entries: Type.Array(Strict({ entry })) }),
  });
}

/** The type of `List(T)`. */
export interface ListOf<T> {
  list: { pagination: Static<typeof Pagination>; entries: { entry: T }[] };
}

/**
 * The REST API v1 error body, which both hosts answer for every refusal (rule refusals carry
 * core's code as `errorKey` and both languages in `briefSummary`). Some refusals add facts
 * (`split` of a package too big for its disc, `path` of a file that fails its seal).
 */
export const ErrorBodySchema = Strict({
  error: Type.Object({
    errorKey: Type.String(),
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    briefSummary: Type.String(),
    stackTrace: Type.Optional(Type.String()),
    descriptionURL: Type.Optional(Type.String()),
    logId: Type.Optional(Type.String()),
  }),
});

/** No body (steps that take none; an empty JSON object is accepted as none). */
export const NoBodySchema = Strict({}, 'no body');
