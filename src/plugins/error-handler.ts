import type { FastifyError, FastifyInstance } from 'fastify';
import { langFromHeader, msg, type ErrorCode } from '../messages/index.ts';
import type { Issue } from '../messages/validation.th.ts';
import { isAppError } from '../shared/errors.ts';

/**
 * Maps every failure to `{ error: { code, message, details? } }`: AppErrors with their status and
 * user-safe message (Thai unless the client prefers English); anything unexpected becomes a 500
 * whose internals are logged, never returned.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langFromHeader(req.headers['accept-language']);
    const m = msg(lang).errors;
    const send = (status: number, code: ErrorCode, params: Record<string, unknown> = {}, details?: unknown) =>
      reply.status(status).send({ error: { code, message: m[code](params), ...(details ? { details } : {}) } });

    if (isAppError(err)) {
      const details = err.code === 'IMPORT_FAILED' ? err.params.rowErrors
        : err.code === 'VALIDATION_FAILED' ? (err.params.issues as Issue[]).map((i) => ({ ...i, message: msg(lang).issue(i) }))
        : err.code === 'INCOMPLETE_COMPONENTS' ? { unticked: err.params.unticked, total: err.params.total }
        : err.code === 'NEAR_DUPLICATES' ? err.params.pairs
        : undefined;
      return send(err.status, err.code, err.params, details);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, 'PAYLOAD_TOO_LARGE');
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) return send(400, 'BAD_JSON');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(400, 'VALIDATION_FAILED', { issues: [{ path: '', code: 'content_type' }] });
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return send(400, 'BAD_JSON');
    if (err.validation) {
      return send(400, 'VALIDATION_FAILED', { issues: err.validation.map((v) => ({ path: v.instancePath, message: v.message ?? '' })) });
    }
    if (typeof err.statusCode === 'number' && err.statusCode < 500) {
      return send(err.statusCode, 'VALIDATION_FAILED', { issues: [{ path: '', message: err.message }] });
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, 'INTERNAL');
  });

  app.setNotFoundHandler((req, reply) => {
    const m = msg(langFromHeader(req.headers['accept-language'])).errors;
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: m.NOT_FOUND({ entity: req.url }) } });
  });
}
