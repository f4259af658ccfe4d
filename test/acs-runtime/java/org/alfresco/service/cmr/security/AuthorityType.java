package org.alfresco.service.cmr.security;

/** EFR test stand-in for ACS's AuthorityType (the kinds of authority names by prefix). */
public enum AuthorityType {
  ADMIN, EVERYONE, OWNER, GUEST, GROUP, ROLE, USER;

  /** The type of an authority name (GROUP_x, ROLE_x, GROUP_EVERYONE, a user name). */
  public static AuthorityType getAuthorityType(String name) {
    if ("GROUP_EVERYONE".equals(name)) return EVERYONE;
    if ("ROLE_OWNER".equals(name)) return OWNER;
    if (name.startsWith("GROUP_")) return GROUP;
    if (name.startsWith("ROLE_")) return ROLE;
    return USER;
  }
}
