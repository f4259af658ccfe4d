package org.efr.acsrt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;

/**
 * Where every log line of a run goes, with whether it would appear in ACS: the level of a
 * category is that of its longest configured prefix (log4j2's logger hierarchy), else the root
 * level. The levels come from ACS's packaged log4j2.properties (as recorded in
 * behaviors/data/acs-runtime.json) and the module's own alfresco/module/<id>/log4j2.properties,
 * which ACS loads after them (logging-context.xml, extraLog4jUrls).
 */
public final class LogSink {
  private static final String[] LEVELS = {"trace", "debug", "info", "warn", "error", "off"};
  private static final Map<String, String> levels = new HashMap<String, String>();
  private static String rootLevel = "error";
  private static final List<String> lines = new ArrayList<String>();

  private LogSink() {}

  /** Sets the level of a category ("root" for the root logger). */
  public static void setLevel(String category, String level) {
    if ("root".equals(category)) rootLevel = level.toLowerCase();
    else levels.put(category, level.toLowerCase());
  }

  private static int rank(String level) {
    for (int i = 0; i < LEVELS.length; i++) if (LEVELS[i].equals(level)) return i;
    throw new IllegalArgumentException("unknown log level " + level);
  }

  /** The effective level of `category`. */
  public static String levelOf(String category) {
    String best = null;
    for (String c : levels.keySet()) {
      if ((category.equals(c) || category.startsWith(c + ".")) && (best == null || c.length() > best.length())) {
        best = c;
      }
    }
    return best == null ? rootLevel : levels.get(best);
  }

  /** Whether a line of `level` in `category` appears. */
  public static boolean enabled(String category, String level) {
    return rank(level) >= rank(levelOf(category));
  }

  /** Records a line: "<level> <category> [shown|hidden]: <message>". */
  public static void write(String category, String level, Object message) {
    lines.add(level + " " + category + (enabled(category, level) ? " shown" : " hidden") + ": " + message);
  }

  /** Lines written since the last drain, which are then forgotten. */
  public static List<String> drain() {
    List<String> out = new ArrayList<String>(lines);
    lines.clear();
    return out;
  }

  /** A commons-logging Log over this sink. */
  public static Log logger(final String category) {
    return new Log() {
      public boolean isDebugEnabled() { return enabled(category, "debug"); }
      public boolean isInfoEnabled() { return enabled(category, "info"); }
      public boolean isWarnEnabled() { return enabled(category, "warn"); }
      public boolean isErrorEnabled() { return enabled(category, "error"); }
      public void debug(Object m) { write(category, "debug", m); }
      public void info(Object m) { write(category, "info", m); }
      public void warn(Object m) { write(category, "warn", m); }
      public void error(Object m) { write(category, "error", m); }
    };
  }
}
