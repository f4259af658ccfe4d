package org.alfresco.scripts;

import org.alfresco.error.AlfrescoRuntimeException;

/** EFR test stand-in for ACS's ScriptException (core/src/main/java/org/alfresco/scripts/). */
public class ScriptException extends AlfrescoRuntimeException {
  private static final long serialVersionUID = 1L;

  public ScriptException(String msgId, Throwable cause) {
    super(msgId, cause);
  }
}
