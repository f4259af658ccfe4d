/** Devices feature: register, unit compliance (R9.1), issue with pre-use check (R15.1). */
export * from './devices.model';
export * from './devices.rules';
export * from './devices.service';
export * from './devices.providers';
