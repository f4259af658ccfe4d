package org.alfresco.repo.security.authentication;

/**
 * EFR test stand-in for ACS's AuthenticationUtil (repository, org/alfresco/repo/security/
 * authentication/AuthenticationUtil.java): the fully authenticated user and the run-as user
 * of the current thread. Secure (classpath) scripts reach it through Packages. No user at all
 * (both null) is what Solr's content fetch runs with (NodeContentGet's descriptor has
 * authentication "none").
 */
public final class AuthenticationUtil {
  /** ACS's name of the system user (AuthenticationUtil.SYSTEM_USER_NAME). */
  public static final String SYSTEM_USER_NAME = "System";
  private static String fullUser;
  private static String runAsUser;

  private AuthenticationUtil() {}

  /** The work of runAs / runAsSystem (AuthenticationUtil.RunAsWork). */
  public interface RunAsWork<R> {
    R doWork() throws Exception;
  }

  public static String getRunAsUser() {
    return runAsUser;
  }

  public static String getFullyAuthenticatedUser() {
    return fullUser;
  }

  public static String getSystemUserName() {
    return SYSTEM_USER_NAME;
  }

  public static boolean isRunAsUserTheSystemUser() {
    return SYSTEM_USER_NAME.equals(runAsUser);
  }

  /** Sets both users (a request authenticated as `user`; null: unauthenticated). */
  public static void setFullyAuthenticatedUser(String user) {
    fullUser = user;
    runAsUser = user;
  }

  public static void setRunAsUser(String user) {
    runAsUser = user;
  }

  public static void clearCurrentSecurityContext() {
    fullUser = null;
    runAsUser = null;
  }

  public static <R> R runAsSystem(RunAsWork<R> work) {
    return runAs(work, SYSTEM_USER_NAME);
  }

  /** Runs the work as `user` and restores the run-as user afterwards, also on a throw. */
  public static <R> R runAs(RunAsWork<R> work, String user) {
    String before = runAsUser;
    runAsUser = user;
    try {
      return work.doWork();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new RuntimeException(e);
    } finally {
      runAsUser = before;
    }
  }
}
