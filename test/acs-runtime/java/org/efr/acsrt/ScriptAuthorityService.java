package org.efr.acsrt;

import java.util.LinkedHashSet;
import java.util.Set;
import org.alfresco.service.cmr.security.AuthorityType;

/**
 * The `groups` root object (ACS's ScriptAuthorityService, repository/src/main/java/org/alfresco/
 * repo/security/authority/script/ScriptAuthorityService.java, 25.5.0.31): getAuthorityService
 * (l. 83-86) hands out the public AuthorityService, whose getContainingAuthorities is ACL_ALLOW
 * (public-services-security-context.xml l. 840) and sees groups of every zone.
 */
public final class ScriptAuthorityService {
  private final AcsRuntime rt;

  ScriptAuthorityService(AcsRuntime rt) {
    this.rt = rt;
  }

  public AuthorityService getAuthorityService() {
    return new AuthorityService(rt);
  }

  /** The public AuthorityService's methods the module may call. */
  public static final class AuthorityService {
    private final AcsRuntime rt;

    AuthorityService(AcsRuntime rt) {
      this.rt = rt;
    }

    /** Groups (any zone) containing `name`; all of them, or the immediate ones. */
    public Set<String> getContainingAuthorities(AuthorityType type, String name, boolean immediate) {
      Set<String> all = rt.repo.containingGroups(name, null);
      if (type != null && type != AuthorityType.GROUP) return new LinkedHashSet<String>();
      return all;
    }

    public Set<String> getContainingAuthoritiesInZone(AuthorityType type, String name, String zone,
        Object filter, int size) {
      return rt.repo.containingGroups(name, zone);
    }

    /**
     * ACL_METHOD.ROLE_ADMINISTRATOR in public-services-security-context.xml l. 830: a
     * non-administrator caller is refused.
     */
    public Set<String> getAuthoritiesForUser(String user) {
      String caller = org.alfresco.repo.security.authentication.AuthenticationUtil.getRunAsUser();
      if (!"System".equals(caller) && !rt.repo.isAdmin(caller)) {
        throw new Repo.AccessDeniedException("Access Denied.  You do not have the appropriate permissions to perform this operation.");
      }
      return rt.repo.containingGroups(user, null);
    }

    public boolean isAdminAuthority(String name) {
      return rt.repo.isAdmin(name);
    }
  }
}
