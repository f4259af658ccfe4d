package org.alfresco.service.cmr.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * EFR test stand-in for ACS's AuditQueryParameters (repository/src/main/java/org/alfresco/
 * service/cmr/audit/AuditQueryParameters.java, 25.5.0.31): application, direction, entry id
 * range and one search key (path, value): a second one throws UnsupportedOperationException
 * (l. 222-225). The setters the module uses; the other filters (user, time range) are not
 * emulated.
 */
public class AuditQueryParameters {
  private boolean forward = true;
  private String applicationName;
  private Long fromId;
  private Long toId;
  private final List<Object[]> searchKeyValues = new ArrayList<Object[]>();

  public boolean isForward() {
    return forward;
  }

  public void setForward(boolean forward) {
    this.forward = forward;
  }

  public String getApplicationName() {
    return applicationName;
  }

  public void setApplicationName(String applicationName) {
    this.applicationName = applicationName;
  }

  public Long getFromId() {
    return fromId;
  }

  public void setFromId(Long fromId) {
    this.fromId = fromId;
  }

  public Long getToId() {
    return toId;
  }

  public void setToId(Long toId) {
    this.toId = toId;
  }

  /** Each [path, value]: an entry matches when its value at `path` equals `value`. */
  public List<Object[]> getSearchKeyValues() {
    return searchKeyValues;
  }

  public void addSearchKey(String searchKey, Serializable searchValue) {
    if (searchKey == null && searchValue == null) {
      throw new IllegalArgumentException("A search key must have a 'searchKey' and/or a 'searchValue'.");
    }
    if (searchKeyValues.size() > 0) {
      throw new UnsupportedOperationException("Only one search key-value pair is currently supported.");
    }
    searchKeyValues.add(new Object[] {searchKey, searchValue});
  }
}
