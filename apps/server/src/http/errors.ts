// Every error leaves the API as { error: { code, message, field?, details? } } with the status
// from error-status.ts; unexpected errors are logged and answered without internals.
import { DomainError } from '@jiesu/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { statusOf } from './error-status';
import { describeValidationError } from './validation';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, request, reply) => {
    if (err instanceof DomainError) {
      const field = typeof err.details?.field === 'string' ? err.details.field : undefined;
      return reply.status(statusOf(err.code)).send({
        error: { code: err.code, message: err.message, ...(field ? { field } : {}), ...(err.details ? { details: err.details } : {}) },
      });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const { field, message } = describeValidationError(fe.validation, fe.validationContext ?? 'request');
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message, field } });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.statusCode === 400) {
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: `The request body is not valid JSON: ${fe.message}`, field: 'body' },
      });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: { code: 'VALIDATION_FAILED', message: 'Send the body as application/json.', field: 'body' } });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'VALIDATION_FAILED', message: 'The request body is too large.', field: 'body' } });
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'Too many requests; wait a minute and try again.' } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on the server; the error has been logged.' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });
}
