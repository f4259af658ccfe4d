import type { FastifyInstance } from 'fastify';
import type { Repository } from '../repo/repository.js';

/** Search API (AFTS subset). */
export function registerSearch(_app: FastifyInstance, _repo: Repository): void {}
