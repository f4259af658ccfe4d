/**
 * EFR's log lines inside ACS. The script logger (`logger`) writes under one category,
 * org.alfresco.repo.jscript.ScriptLogger, whose `log()` is DEBUG (ScriptLogger.java l. 46-49,
 * 25.5.0.31) and which ACS's packaged log4j2.properties sets to warn (l. 402-403): EFR's reads
 * and steps would never show, and raising that category would show every other script's lines
 * too. So EFR logs under its own category, `org.efr.repo`, through commons-logging (the API ACS's
 * own classes log through; classpath scripts are secure and reach it by `Packages`), and the
 * module ships alfresco/module/efr-repo/log4j2.properties (loaded by ACS's Log4JHierarchyInit,
 * logging-context.xml: classpath*:alfresco/module/*\/log4j2.properties) setting it to info.
 * Where Java is out of reach (a non-secure script) the script logger is used.
 */
import { javaPackages, scriptLogger } from './acs-api.js';

/** EFR's log category. */
export const EFR_LOG_CATEGORY = 'org.efr.repo';

interface CommonsLog {
  info(message: unknown): void;
  warn(message: unknown): void;
  debug(message: unknown): void;
}

function commonsLog(): CommonsLog | null {
  const pkgs = javaPackages();
  if (pkgs === null) return null;
  const apache = (pkgs['org'] as Record<string, Record<string, Record<string, unknown>>> | undefined)
    ?.['apache']?.['commons'];
  const factory = (apache?.['logging'] as Record<string, unknown> | undefined)?.['LogFactory'] as
    { getLog?(name: string): CommonsLog } | undefined;
  // A missing class is a NativeJavaPackage, whose members are packages, never functions.
  return factory && typeof factory.getLog === 'function' ? factory.getLog(EFR_LOG_CATEGORY) : null;
}

/** Logs an EFR fact (a read, a step done) at INFO. */
export function efrInfo(message: string): void {
  const log = commonsLog();
  if (log !== null) log.info(message);
  else scriptLogger().info(message);
}

/** Logs a detail that is not worth a line at ACS's defaults (DEBUG). */
export function efrDebug(message: string): void {
  const log = commonsLog();
  if (log !== null) log.debug(message);
  else scriptLogger().log(message);
}

/** Logs a refusal or an anomaly at WARN. */
export function efrWarn(message: string): void {
  const log = commonsLog();
  if (log !== null) log.warn(message);
  else scriptLogger().warn(message);
}
