// Preloaded with `node --require` by fresh-machine specs: makes the package named in
// EFR_TEST_HIDE_MODULE unresolvable, exactly as when `npm install` did not install it (or has no
// binary for this platform), without touching the shared node_modules.
'use strict';
const Module = require('node:module');

const hidden = process.env.EFR_TEST_HIDE_MODULE;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (hidden && (request === hidden || request.startsWith(`${hidden}/`))) {
    const err = new Error(`Cannot find module '${request}' (hidden by the spec)`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return resolve.call(this, request, ...rest);
};
