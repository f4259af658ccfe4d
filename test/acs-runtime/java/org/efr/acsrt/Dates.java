package org.efr.acsrt;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** ISO 8601 text ↔ java.util.Date, as ACS's ISO8601DateFormat reads a d:datetime string. */
final class Dates {
  private Dates() {}

  /**
   * ISO 8601 text as ACS's ISO8601DateFormat#parse reads it (DefaultTypeConverter String → Date):
   * a date-time with an offset or Z, or without (taken as UTC), or a date alone (its start, UTC).
   */
  static Date parseIso(String text) {
    try {
      return Date.from(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      // Not a date-time with an offset: try the shorter forms below.
    }
    try {
      return Date.from(java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // Not a local date-time either: a date alone.
    }
    return Date.from(java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }

  static String iso(Date d) {
    return d.toInstant().toString();
  }
}
