package org.alfresco.service.cmr.repository;

import java.io.Serializable;

/**
 * EFR test stand-in for ACS's ContentData (data-model): the value of cm:content in a node's
 * property map, whose toString() is "contentUrl=…|mimetype=…|size=…|encoding=…|locale=…".
 */
public final class ContentData implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String contentUrl;
  private final String mimetype;
  private final long size;

  public ContentData(String contentUrl, String mimetype, long size) {
    this.contentUrl = contentUrl;
    this.mimetype = mimetype;
    this.size = size;
  }

  public String getContentUrl() { return contentUrl; }
  public String getMimetype() { return mimetype; }
  public long getSize() { return size; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentData && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "contentUrl=" + contentUrl + "|mimetype=" + mimetype + "|size=" + size
        + "|encoding=UTF-8|locale=en_US_";
  }
}
