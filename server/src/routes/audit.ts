import type { FastifyInstance } from 'fastify';
import type { Repository } from '../repo/repository.js';

/** Audit API over the access log. */
export function registerAudit(_app: FastifyInstance, _repo: Repository): void {}
