/**
 * Moved to behaviors/src/lib/ws-runtime.ts (shared by every feature's web scripts). This
 * re-export keeps the spot-checks controllers, which still import it from here, building; new
 * code imports the lib file. Remove once nothing imports this path.
 */
export * from '../../lib/ws-runtime.js';
