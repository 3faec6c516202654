/**
 * The HTTP API's error answer (node and query service): pocket-core's rpcError shape `{code: <HTTP status>, message}`
 * (app/cmd/rpc/server.go WriteErrorResponse) plus a stable `error` name programs can key on.
 */
import type { FastifyReply } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown): FastifyReply {
  return reply.code(status).send({ code: status, message, error: code, ...(details === undefined ? {} : { details }) });
}
