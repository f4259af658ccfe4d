package org.apache.commons.logging;

import org.efr.acsrt.LogSink;

/**
 * EFR test stand-in for commons-logging's LogFactory: loggers by category whose lines go to
 * the runtime's LogSink, which decides by the configured levels (ACS's log4j2.properties plus
 * the module's own) whether a line would appear.
 */
public final class LogFactory {
  private LogFactory() {}

  public static Log getLog(String category) {
    return LogSink.logger(category);
  }

  public static Log getLog(Class<?> cls) {
    return LogSink.logger(cls.getName());
  }
}
