/**
 * Job requests inside this process (issue 15): `requested` with the package id once a request
 * committed, for server/'s in-process worker (./in-process.ts), as ACS's event stream tells a
 * worker beside ACS (./event-stream.ts).
 */
import { EventEmitter } from 'node:events';

export const jobRequests = new EventEmitter();
