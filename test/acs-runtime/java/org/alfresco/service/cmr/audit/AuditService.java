package org.alfresco.service.cmr.audit;

import java.io.Serializable;
import java.util.Map;

/**
 * EFR test stand-in for ACS's AuditService (repository/src/main/java/org/alfresco/service/cmr/
 * audit/AuditService.java, 25.5.0.31): the query and its callback (l. 200-260), what the module
 * calls. The runtime's implementation is org.efr.acsrt.Audit.
 */
public interface AuditService {
  /** The callback of an audit query (l. 200-242). */
  public static interface AuditQueryCallback {
    boolean valuesRequired();

    boolean handleAuditEntry(Long entryId, String applicationName, String user, long time,
        Map<String, Serializable> values);

    boolean handleAuditEntryError(Long entryId, String errorMsg, Throwable error);
  }

  void auditQuery(AuditQueryCallback callback, AuditQueryParameters parameters, int maxResults);
}
