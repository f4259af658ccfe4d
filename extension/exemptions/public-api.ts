/** Exemptions feature: records of acts not recorded (R11.1, R11.2). */
export * from './exemptions.model';
export * from './exemptions.rules';
export * from './exemptions.service';
export * from './exemptions.providers';
