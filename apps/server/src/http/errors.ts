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
    const pgState = (err as { code?: unknown }).code;
    if (typeof pgState === 'string' && /^[0-9A-Z]{5}$/.test(pgState)) {
      const mapped = databaseRefusal(pgState);
      if (mapped) {
        request.log.warn({ err }, 'database refused the request');
        return reply.status(mapped.status).send({ error: mapped.error });
      }
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on the server; the error has been logged.' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });
}

/**
 * PostgreSQL refusals that are the request's or the moment's, never the server's: a serialisation
 * failure or deadlock is a 409 (try again), a duplicate a 409, a value out of range a 400.
 */
export function databaseRefusal(sqlState: string): { status: number; error: { code: string; message: string; field?: string } } | null {
  if (sqlState === '40001' || sqlState === '40P01') {
    return { status: 409, error: { code: 'CONFLICT', message: 'Another change to the same records happened at the same moment; reload and try again.' } };
  }
  if (sqlState === '23505') return { status: 409, error: { code: 'CONFLICT', message: 'That already exists.' } };
  if (sqlState.startsWith('22') || sqlState === '54001') {
    return { status: 400, error: { code: 'VALIDATION_FAILED', message: 'A value in the request is out of range or not valid for its field.', field: 'request' } };
  }
  return null;
}
