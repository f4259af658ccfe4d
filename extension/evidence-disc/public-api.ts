/** Evidence-disc feature: packaging a case's recordings on a disc image (R23.1). */
export * from './evidence-disc.model';
export * from './evidence-disc.rules';
export * from './evidence-disc.service';
export * from './evidence-disc.providers';
