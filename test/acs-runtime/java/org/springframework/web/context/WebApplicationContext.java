package org.springframework.web.context;

/**
 * EFR test stand-in for Spring's WebApplicationContext (spring-web; a BeanFactory): the one
 * method scripts call on it, getBean(name), answering ACS's bean of that id.
 */
public interface WebApplicationContext {
  Object getBean(String name);
}
