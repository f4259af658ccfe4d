package org.efr.acsrt;

import java.util.Map;

/**
 * The objects Surf puts in a JavaScript web script's model (spring-webscripts AbstractWebScript
 * #createScriptParameters and DeclarativeWebScript#executeImpl, surf-webscripts 10.x):
 * `status` (Status), `url` (URLModel: templateArgs is a Map → NativeMap), `requestbody` (the
 * request's Content, from the generic RequestReader for a `<id>.<method>.js` controller),
 * `cache`, `format`. `args`, `argsM`, `headers` and `model` are HashMaps, so scripts meet them
 * as NativeMaps.
 */
public final class WebScriptObjects {
  private WebScriptObjects() {}

  /** org.springframework.extensions.webscripts.Status. */
  public static final class Status {
    private int code = 200;
    private String message;
    private boolean redirect;
    private String location;

    public int getCode() { return code; }
    public void setCode(int code) { this.code = code; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public boolean getRedirect() { return redirect; }
    public void setRedirect(boolean redirect) { this.redirect = redirect; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
  }

  /** org.springframework.extensions.webscripts.URLModel (the members scripts read). */
  public static final class URLModel {
    private final String service;
    private final Map<String, String> templateArgs;

    URLModel(String service, Map<String, String> templateArgs) {
      this.service = service;
      this.templateArgs = templateArgs;
    }

    public Map<String, String> getTemplateArgs() { return templateArgs; }
    public String getService() { return service; }
    public String getFull() { return service; }
    public String getServiceContext() { return "/alfresco/s"; }
  }

  /** org.springframework.extensions.surf.util.Content: the request body. */
  public static final class Content {
    private final String text;

    Content(String text) {
      this.text = text;
    }

    public String getContent() { return text; }
    public String getMimetype() { return "application/json"; }
    public String getEncoding() { return "UTF-8"; }
    public long getSize() { return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; }
  }

  /** org.springframework.extensions.webscripts.Cache (nothing EFR's scripts use). */
  public static final class Cache {
    private boolean neverCache = true;

    public boolean getNeverCache() { return neverCache; }
    public void setNeverCache(boolean v) { neverCache = v; }
  }

  /** FormatModel: the format of the request. */
  public static final class FormatModel {
    public String getName() { return "json"; }
    public String getMimetype() { return "application/json"; }
  }
}
