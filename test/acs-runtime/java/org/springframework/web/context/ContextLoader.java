package org.springframework.web.context;

/**
 * EFR test stand-in for Spring's ContextLoader (spring-web): getCurrentWebApplicationContext()
 * answers the web application context the ContextLoaderListener started for the current
 * thread's class loader; ACS starts its repository context with one
 * (packaging/war/src/main/webapp/WEB-INF/web.xml, org.alfresco.web.app.ContextLoaderListener).
 * The runtime registers its one context when it is made (AcsRuntime).
 */
public class ContextLoader {
  private static WebApplicationContext current;

  /** The repository's web application context, or null when none was started. */
  public static WebApplicationContext getCurrentWebApplicationContext() {
    return current;
  }

  /** Harness: the context the runtime started (ContextLoader#initWebApplicationContext). */
  public static void setCurrentWebApplicationContext(WebApplicationContext context) {
    current = context;
  }
}
