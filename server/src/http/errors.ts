/** The stack-trace text ACS sends in every error body. */
export const STACK_TRACE_TEXT =
  'For security reasons the stack trace is no longer displayed, but the property is kept for ' +
  'previous versions';
/** The description URL ACS sends in every error body. */
export const DESCRIPTION_URL = 'https://api-explorer.alfresco.com';

/** The ACS error body (definitions/Error of the ACS OpenAPI files). */
export interface AcsErrorBody {
  error: {
    errorKey: string;
    statusCode: number;
    briefSummary: string;
    stackTrace: string;
    descriptionURL: string;
    logId?: string;
  };
}

/**
 * An error answered in ACS's format. `errorKey` is a stable machine key (ACS uses framework
 * keys such as `framework.exception.EntityNotFound`; EFR rule refusals use core's codes).
 */
export class AcsError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorKey: string,
    readonly briefSummary: string,
  ) {
    super(briefSummary);
  }

  /** The JSON body for this error. */
  toBody(): AcsErrorBody {
    return errorBody(this.statusCode, this.errorKey, this.briefSummary);
  }
}

/** Builds an ACS error body. */
export function errorBody(
  statusCode: number,
  errorKey: string,
  briefSummary: string,
): AcsErrorBody {
  return {
    error: {
      errorKey,
      statusCode,
      briefSummary,
      stackTrace: STACK_TRACE_TEXT,
      descriptionURL: DESCRIPTION_URL,
    },
  };
}

/** 400: the request itself is malformed (JSON, parameters, names, multipart shape). */
export const badRequest = (msg: string): AcsError =>
  new AcsError(400, 'framework.exception.InvalidArgument', msg);
/** 401: no or wrong credentials. */
export const unauthorized = (msg = 'Authentication failed'): AcsError =>
  new AcsError(401, 'framework.exception.NotAuthenticated', msg);
/** 403: the permission model forbids it. */
export const forbidden = (msg = 'Permission was denied'): AcsError =>
  new AcsError(403, 'framework.exception.PermissionDenied', msg);
/** 404: no such entity (or the caller may not know it exists). */
export const notFound = (msg: string): AcsError =>
  new AcsError(404, 'framework.exception.EntityNotFound', msg);
/** 409: the entity's state conflicts (name exists, already locked by another flow). */
export const conflict = (msg: string): AcsError =>
  new AcsError(409, 'framework.exception.ConstraintViolated', msg);
/** 413: upload beyond the configured limit. */
export const tooLarge = (msg: string): AcsError =>
  new AcsError(413, 'framework.exception.RequestEntityTooLarge', msg);
/** 416: range cannot be satisfied. */
export const rangeNotSatisfiable = (msg: string): AcsError =>
  new AcsError(416, 'framework.exception.RangeNotSatisfiable', msg);
/** 422: the data breaks a model constraint. */
export const unprocessable = (msg: string): AcsError =>
  new AcsError(422, 'framework.exception.ConstraintViolated', msg);
/** 423: the node is locked. */
export const locked = (msg: string): AcsError =>
  new AcsError(423, 'framework.exception.NodeLocked', msg);
