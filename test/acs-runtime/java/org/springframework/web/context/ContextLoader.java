package org.springframework.web.context;

/**
 * EFR test stand-in for Spring's ContextLoader (spring-web): getCurrentWebApplicationContext()
 * answers the repository's context. In ACS, alfresco.war's web.xml (l. 249, 25.5.0.31) starts
 * the context with org.alfresco.web.app.ContextLoaderListener, a subclass of Spring's
 * (packaging/war/…/ContextLoaderListener.java l. 39), and ContextLoader#initWebApplicationContext
 * publishes it per web application class loader (`currentContext` / `currentContextPerThread`),
 * which every request thread of the web application has. The runtime publishes its own
 * (AcsRuntime's constructor): one repository, one context.
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
