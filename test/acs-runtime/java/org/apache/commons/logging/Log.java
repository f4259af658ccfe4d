package org.apache.commons.logging;

/** EFR test stand-in for commons-logging's Log (the API ACS's classes log through). */
public interface Log {
  boolean isDebugEnabled();
  boolean isInfoEnabled();
  boolean isWarnEnabled();
  boolean isErrorEnabled();
  void debug(Object message);
  void info(Object message);
  void warn(Object message);
  void error(Object message);
}
