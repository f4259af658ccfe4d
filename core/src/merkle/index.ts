/** Public API of the Merkle tree of the access log (RFC 9162 §2.1; issue 18). */
export * from './merkle-tree.js';
export * from './log-tree.js';
export * from './log-audit.js';
export * from './audit-leaf.js';
export * from './tree-head-rules.js';
export * from './hex-tree.js';
