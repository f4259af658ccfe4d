package org.springframework.web.context;

import java.util.HashMap;
import java.util.Map;

/**
 * EFR test stand-in for ACS's repository application context as Spring exposes it
 * (WebApplicationContext, an interface in spring-web; a class here, scripts call only its
 * getBean): getBean(name) answers the bean of that
 * id, else throws as Spring's NoSuchBeanDefinitionException does. The runtime registers the few
 * beans of ACS the module asks for (AcsRuntime: `AuditService`, `eagerContentStoreCleaner`, `NodeService`).
 */
public class WebApplicationContext {
  private final Map<String, Object> beans = new HashMap<String, Object>();

  /** The bean named `name` (BeanFactory#getBean(String)). */
  public Object getBean(String name) {
    Object bean = beans.get(name);
    if (bean == null) throw new RuntimeException("No bean named '" + name + "' available");
    return bean;
  }

  /** Harness: registers a bean (what ACS's Spring XML defines). */
  public void registerBean(String name, Object bean) {
    beans.put(name, bean);
  }
}
