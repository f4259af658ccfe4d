package org.alfresco.error;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EFR test stand-in for ACS's AlfrescoRuntimeException (core/src/main/java/org/alfresco/error/
 * AlfrescoRuntimeException.java, 25.5.0.31, l. 171-223): the message id is looked up as an I18N
 * message (none of EFR's texts is one, so the text stays as it is) and prefixed with an error
 * log number MMDDXXXX (month counted from 0, day, a counter) and a space.
 */
public class AlfrescoRuntimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final AtomicInteger errorCounter = new AtomicInteger();

  public AlfrescoRuntimeException(String msgId) {
    super(buildErrorLogNumber(msgId));
  }

  public AlfrescoRuntimeException(String msgId, Throwable cause) {
    super(buildErrorLogNumber(msgId), cause);
  }

  @SuppressWarnings("deprecation")
  private static String buildErrorLogNumber(String message) {
    if (message == null) message = "";
    Date today = new Date();
    StringBuilder buf = new StringBuilder();
    pad(buf, today.getMonth(), 2);
    pad(buf, today.getDate(), 2);
    pad(buf, errorCounter.getAndIncrement(), 4);
    return buf.append(' ').append(message).toString();
  }

  private static void pad(StringBuilder buf, int value, int length) {
    String s = Integer.toString(value);
    for (int i = length - s.length(); i > 0; i--) buf.append('0');
    buf.append(s);
  }
}
