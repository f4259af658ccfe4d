package org.efr.acsrt;

/**
 * The `logger` root object (ACS's jscript ScriptLogger, 25.5.0.31): log() is DEBUG (l. 46-49),
 * debug/info/warn/error at their levels, all under the category
 * org.alfresco.repo.jscript.ScriptLogger, which ACS's packaged log4j2.properties sets to warn.
 */
public final class ScriptLogger {
  static final String CATEGORY = "org.alfresco.repo.jscript.ScriptLogger";

  public boolean isLoggingEnabled() {
    return LogSink.enabled(CATEGORY, "debug");
  }

  public void log(String s) {
    LogSink.write(CATEGORY, "debug", s);
  }

  public void debug(String s) {
    LogSink.write(CATEGORY, "debug", s);
  }

  public void info(String s) {
    LogSink.write(CATEGORY, "info", s);
  }

  public void warn(String s) {
    LogSink.write(CATEGORY, "warn", s);
  }

  public void error(String s) {
    LogSink.write(CATEGORY, "error", s);
  }
}
