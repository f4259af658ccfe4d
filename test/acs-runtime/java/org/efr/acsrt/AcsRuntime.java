package org.efr.acsrt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alfresco.repo.security.authentication.AuthenticationUtil;
import org.alfresco.service.cmr.repository.ContentData;
import org.alfresco.service.cmr.repository.NodeRef;
import org.alfresco.service.namespace.QName;

/**
 * An ACS-like host for the module's compiled scripts: a repository (Repo) whose writes fire the
 * module's script behaviours as bound in its Spring context, a script processor that runs them
 * as RhinoScriptProcessor does, and the three ways ACS runs a module script: a policy firing a
 * ScriptBehaviour, a JavaScript web script (Surf's DeclarativeWebScript in a RepositoryContainer
 * transaction) and a script action (ScriptActionExecuter). Each emulated behaviour names the ACS
 * source it was read from; behaviors/data/acs-runtime.json lists them all.
 */
public final class AcsRuntime {
  public final Dictionary dict = new Dictionary();
  public final Repo repo;
  final ValueConverter converter;
  public final ScriptProcessor processor;
  private final Map<String, String> files = new HashMap<String, String>();
  private final List<String[]> bindings = new ArrayList<String[]>();
  /** Behaviours running on this thread (ScriptBehaviour disables itself while it runs). */
  private final Set<String> running = new HashSet<String>();
  private final Map<String, NodeRef> groupNodes = new HashMap<String, NodeRef>();
  /** Every behaviour run: policy, script, node, user, outcome. */
  public final List<String> behaviourRuns = new ArrayList<String>();
  private long clock = -1;
  /** Whether policies fire (BehaviourFilter): off while a driver lays out data already stored. */
  public boolean policiesEnabled = true;

  public AcsRuntime() {
    repo = new Repo(dict, this);
    converter = new ValueConverter(this);
    processor = new ScriptProcessor(this);
    // The repository's Spring context as the module can reach it (Spring's ContextLoader): the
    // beans of ACS it asks for by name (content-services-context.xml l. 123; public-services).
    org.springframework.web.context.WebApplicationContext context =
        new org.springframework.web.context.WebApplicationContext();
    // The public AuditService (public-services-context.xml l. 888), read by the module's
    // access-log port (behaviors/src/lib/acs-audit.ts).
    context.registerBean("AuditService", repo.audit);
    context.registerBean("eagerContentStoreCleaner", repo.cleaner);
    context.registerBean("NodeService", new NodeService(repo));
    org.springframework.web.context.ContextLoader.setCurrentWebApplicationContext(context);
  }

  private int[] version = {25, 5};

  /**
   * The ACS version whose behaviour the runtime plays where versions differ (e.g. "23.1",
   * "23.8", "25.5"; default 25.5): see behaviors/data/acs-runtime.json, "versions".
   */
  public void setAcsVersion(String v) {
    String[] p = v.split("\\.");
    version = new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }

  /** Whether the version played is `v` or later. */
  public boolean atLeast(String v) {
    String[] p = v.split("\\.");
    int major = Integer.parseInt(p[0]);
    int minor = Integer.parseInt(p[1]);
    return version[0] > major || (version[0] == major && version[1] >= minor);
  }

  /** Fixes the repository's clock (epoch ms); -1 for the real one. */
  public void setClock(long ms) {
    clock = ms;
  }

  long clock() {
    return clock < 0 ? System.currentTimeMillis() : clock;
  }

  /** Where the script at a classpath location lives on disk. */
  public void addScript(String location, String file) {
    files.put(location, file);
  }

  /** A ClassPolicyRegistration: the policy (local name), the class, the behaviour's script. */
  public void bindBehaviour(String policy, String className, String location) {
    bindings.add(new String[] {policy, dict.resolve(className).toString(), location, null});
  }

  /**
   * An AssociationPolicyRegistration: the policy, the source class, the association type (null:
   * every association of the class), the behaviour's script.
   */
  public void bindAssociationBehaviour(String policy, String className, String assocType, String location) {
    bindings.add(new String[] {policy, dict.resolve(className).toString(), location,
        assocType == null ? "*" : dict.resolve(assocType).toString()});
  }

  /** Fires an association policy on the source node's class for the association type. */
  void invokeAssocPolicy(String policy, NodeRef source, QName assocType, Object[] args) {
    if (!policiesEnabled || !repo.exists(source)) return;
    QName type = repo.getType(source);
    Set<QName> aspects = repo.getAspects(source);
    for (String[] b : new ArrayList<String[]>(bindings)) {
      if (b[3] == null || !b[0].equals(policy)) continue;
      if (!"*".equals(b[3]) && !b[3].equals(assocType.toString())) continue;
      QName cls = QName.createQName(b[1]);
      if (!dict.isSubClass(type, cls) && !aspects.contains(cls)) continue;
      if (running.contains(b[2])) continue;
      runBehaviour(b[2], policy, source, args);
    }
  }

  private String file(String location) {
    String f = files.get(location);
    if (f == null) throw new IllegalArgumentException("acs-runtime: no script at " + location);
    return f;
  }

  Map<String, Object> processorExtensions() {
    Map<String, Object> ext = new LinkedHashMap<String, Object>();
    ext.put("search", new Search(this));
    ext.put("people", new People(this));
    ext.put("logger", new ScriptLogger());
    ext.put("groups", new ScriptAuthorityService(this));
    return ext;
  }

  // ------------------------------------------------------------------ people

  public NodeRef addGroup(String group, String zones) {
    repo.addGroup(group, zones);
    NodeRef n = groupNodes.get(group);
    if (n == null) {
      Map<QName, Serializable> props = new HashMap<QName, Serializable>();
      props.put(dict.resolve("cm:authorityName"), group);
      n = repo.fixture("group-" + group, dict.resolve("cm:authorityContainer"), null, props, new ArrayList<String>());
      groupNodes.put(group, n);
    }
    return n;
  }

  NodeRef groupNode(String group) {
    return groupNodes.get(group);
  }

  // ------------------------------------------------------------------ behaviours

  /**
   * Fires `policy` on `node` as ACS's policy component does for ClassPolicyRegistrations: every
   * binding of the policy for the node's type, one of its supertypes or one of its aspects,
   * unless that behaviour is already running on this thread (ScriptBehaviour's
   * JavaScriptInvocationHandler disables it around invokeScript, l. 145-156). A throw
   * propagates to the caller of the repository operation.
   */
  /**
   * Fires a class policy for one class only, as ClassPolicyDelegate#get(nodeRef, classQName)
   * does (beforeAddAspect: the aspect being added): bindings to that class or a superclass.
   */
  void invokeClassPolicy(String policy, QName cls, NodeRef node, Object[] args) {
    if (!policiesEnabled || !repo.exists(node)) return;
    for (String[] b : new ArrayList<String[]>(bindings)) {
      if (b[3] != null || !b[0].equals(policy)) continue;
      QName bound = QName.createQName(b[1]);
      if (!cls.equals(bound) && !dict.isSubClass(cls, bound)) continue;
      if (running.contains(b[2])) continue;
      runBehaviour(b[2], policy, node, args);
    }
  }

  void invokePolicy(String policy, NodeRef node, Object[] args) {
    if (!policiesEnabled || !repo.exists(node)) return;
    QName type = repo.getType(node);
    Set<QName> aspects = repo.getAspects(node);
    for (String[] b : new ArrayList<String[]>(bindings)) {
      if (b[3] != null || !b[0].equals(policy)) continue;
      QName cls = QName.createQName(b[1]);
      if (!dict.isSubClass(type, cls) && !aspects.contains(cls)) continue;
      if (running.contains(b[2])) continue;
      runBehaviour(b[2], policy, node, args);
    }
  }

  private void runBehaviour(String location, String policy, NodeRef node, Object[] args) {
    running.add(location);
    String who = AuthenticationUtil.getRunAsUser();
    String id = node == null ? "-" : node.getId();
    try {
      Map<String, Object> model = new HashMap<String, Object>();
      model.put("behaviour", new Behaviour(this, policy, args));
      processor.execute(location, file(location), model, true);
      behaviourRuns.add(policy + " " + location + " " + id + " " + who + " allowed");
      repo.journal.add("behaviour\t" + policy + "\t" + id + "\t" + who + "\tallowed\t" + typeOf(node));
    } catch (RuntimeException e) {
      behaviourRuns.add(policy + " " + location + " " + id + " " + who + " refused " + e.getMessage());
      repo.journal.add("behaviour\t" + policy + "\t" + id + "\t" + who + "\trefused\t" + typeOf(node) + "\t" + e.getMessage());
      throw e;
    } finally {
      running.remove(location);
    }
  }

  private String typeOf(NodeRef node) {
    return node != null && repo.exists(node) ? dict.shortName(repo.getType(node)) : "-";
  }

  /** The ids of the nodes an FTS query finds (the `search` root object's matcher). */
  public List<String> queryIds(String query) {
    return new Search(this).ids(query);
  }

  /**
   * Runs one behaviour script directly, as its policy would (a scenario): in a transaction of
   * its own, as the current user; answers null when it passed, else the message ACS would
   * carry (the ScriptException's). Bound resources may be set first with bindResource.
   */
  public String invokeBehaviour(String location, String policy, NodeRef node, Object[] args,
      Map<String, String> resources) {
    repo.begin();
    for (Map.Entry<String, String> e : resources.entrySet()) {
      org.alfresco.repo.transaction.AlfrescoTransactionSupport.bindResource(e.getKey(), e.getValue());
    }
    try {
      runBehaviour(location, policy, node, args);
      repo.commit();
      return null;
    } catch (RuntimeException e) {
      repo.rollback();
      return e.getMessage();
    }
  }

  // ------------------------------------------------------------------ web scripts

  /** What a web script call answered. */
  /** Whether the controller's descriptor is of StreamContent's kind (its `.desc.xml`). */
  private boolean isContentStream(String location) {
    java.io.File js = new java.io.File(file(location));
    java.io.File desc = new java.io.File(js.getParentFile(),
        js.getName().replaceAll("\\.js$", ".desc.xml"));
    try {
      return desc.exists() && new String(java.nio.file.Files.readAllBytes(desc.toPath()),
          java.nio.charset.StandardCharsets.UTF_8)
          .contains("kind=\"org.alfresco.repository.content.stream\"");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What StreamContent streams for the script's model: as JSON, for the driver. */
  private String streamed(Map<String, Object> returnModel) {
    Object node = returnModel.get("contentNode");
    if (node instanceof org.mozilla.javascript.Wrapper) node = ((org.mozilla.javascript.Wrapper) node).unwrap();
    NodeRef ref = node instanceof ScriptNode ? ((ScriptNode) node).getNodeRef()
        : node instanceof NodeRef ? (NodeRef) node : null;
    if (ref == null) {
      throw new RuntimeException("The content node was not specified so the content cannot be "
          + "streamed to the client");
    }
    String file = repo.getContent(ref);
    java.io.Serializable c = repo.getProperty(ref, QName.createQName(Repo.CM, "content"));
    if (file == null || !(c instanceof ContentData)) {
      throw new RuntimeException("Unable to locate content for node ref " + ref);
    }
    Object attach = returnModel.get("attach");
    boolean attached = Boolean.TRUE.equals(attach);
    ContentData d = (ContentData) c;
    return "{\"stream\":{\"node\":\"" + ref.getId() + "\",\"mimetype\":\"" + d.getMimetype()
        + "\",\"size\":" + d.getSize() + ",\"contentDisposition\":"
        + (attached ? "\"attachment\"" : "null") + "}}";
  }

  /** Surf's FormatRegistry mimetypes of the formats EFR's descriptors use. */
  private static final Map<String, String> FORMAT_MIMETYPES = new HashMap<String, String>();
  static {
    // spring-webscripts-application-context.xml (surf-webscripts 1ebdfee8, l. 60-82),
    // webscripts.formats: no pdf among them.
    String[][] formats = {{"html", "text/html"}, {"text", "text/plain"}, {"xml", "text/xml"},
        {"xsd", "text/xml"}, {"atom", "application/atom+xml"},
        {"atomentry", "application/atom+xml;type=entry"},
        {"atomfeed", "application/atom+xml;type=feed"}, {"atomsvc", "application/atomsvc+xml"},
        {"rss", "application/rss+xml"}, {"json", "application/json"},
        {"opensearchdescription", "application/opensearchdescription+xml"},
        {"mediawiki", "text/plain"}, {"fbml", "text/html"}, {"php", "text/html"},
        {"js", "text/javascript"}, {"calendar", "text/calendar"}, {"csv", "text/csv"},
        {"xls", "application/vnd.ms-excel"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    for (String[] f : formats) FORMAT_MIMETYPES.put(f[0], f[1]);
  }

  /**
   * Renders the answer as Surf's DeclarativeWebScript#execute does once the script returned
   * (surf-webscripts 1ebdfee8, DeclarativeWebScript.java): the request's format (the
   * descriptor's `<format default="…">argument</format>`: the `format` argument, else the
   * default; l. 50) picks the template `<id>.<method>.<format>.ftl` (#renderFormatTemplate
   * l. 258-270; none: a WebScriptException, so the call fails), the Content-Type is the format's
   * mimetype with `;charset=UTF-8` (l. 55, 143), and no header but Location is set (l. 118): a
   * file name cannot be given. The template is read as FreeMarker reads EFR's (a line with only
   * a comment is stripped; `${body}` is the model's body, unescaped).
   */
  /**
   * The request's format (WebScriptRequest#getFormat): the `format` argument for a descriptor
   * `<format default="…">argument</format>`, else that default.
   */
  private String requestFormat(String location, Map<String, String> args) {
    java.io.File js = new java.io.File(file(location));
    java.io.File desc = new java.io.File(js.getParentFile(),
        js.getName().replaceAll("\\.js$", ".desc.xml"));
    String format = "json";
    boolean byArgument = false;
    try {
      if (desc.exists()) {
        String d = new String(java.nio.file.Files.readAllBytes(desc.toPath()),
            java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("<format default=\"([^\"]*)\">argument</format>").matcher(d);
        if (m.find()) {
          format = m.group(1);
          byArgument = true;
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    String asked = byArgument ? args.get("format") : null;
    return asked != null && !asked.isEmpty() ? asked : format;
  }

  private String renderFormat(String location, Map<String, String> args, String body,
      boolean redirect, WsOutcome out) {
    java.io.File js = new java.io.File(file(location));
    java.io.File desc = new java.io.File(js.getParentFile(),
        js.getName().replaceAll("\\.js$", ".desc.xml"));
    String format = requestFormat(location, args);
    try {
      // A redirect renders the status template (#sendStatus), `<id>.<method>.<format>.status.ftl`.
      java.io.File tpl = new java.io.File(js.getParentFile(), js.getName().replaceAll("\\.js$",
          "." + format + (redirect ? ".status" : "") + ".ftl"));
      if (redirect && !tpl.exists()) return body;
      if (!tpl.exists()) {
        throw new RuntimeException("Cannot locate template processor for template "
            + tpl.getName());
      }
      String mimetype = FORMAT_MIMETYPES.get(format);
      out.contentType = (mimetype == null ? "text/html" : mimetype) + ";charset=UTF-8";
      if (body == null) return null;
      String t = new String(java.nio.file.Files.readAllBytes(tpl.toPath()),
          java.nio.charset.StandardCharsets.UTF_8);
      t = t.replaceAll("(?m)^[ \\t]*<#--[^\\n]*?-->[ \\t]*\\n", "");
      int at = t.indexOf("${body}");
      return at < 0 ? t : t.substring(0, at) + body + t.substring(at + "${body}".length());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static final class WsOutcome {
    public int status;
    public String body;
    /** The Content-Type Surf set (declarative scripts). */
    public String contentType;
    public String error;
    public int writes;
    public boolean committed;
    /** The root cause's stack (for reading a failure, not part of what ACS answers). */
    public String trace;
  }

  /** The deepest cause of `e` with its first frames. */
  static String trace(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    // A Java exception caught and rethrown by script code travels as the error's javaException.
    if (root instanceof org.mozilla.javascript.JavaScriptException) {
      Object v = ((org.mozilla.javascript.JavaScriptException) root).getValue();
      if (v instanceof org.mozilla.javascript.Scriptable) {
        Object je = org.mozilla.javascript.ScriptableObject.getProperty((org.mozilla.javascript.Scriptable) v, "javaException");
        if (je instanceof org.mozilla.javascript.Wrapper) je = ((org.mozilla.javascript.Wrapper) je).unwrap();
        if (je instanceof Throwable) root = (Throwable) je;
      }
    }
    StringBuilder b = new StringBuilder(root.toString());
    StackTraceElement[] st = root.getStackTrace();
    for (int i = 0; i < Math.min(8, st.length); i++) b.append("\n  at ").append(st[i]);
    return b.toString();
  }

  /**
   * Runs a JavaScript web script controller as Surf's DeclarativeWebScript does inside ACS's
   * RepositoryContainer: one transaction, authenticated as `user`; the model holds args, url,
   * requestbody, status, cache, format, model (the return model) and the repository's
   * companyhome/roothome/person/userhome (RepositoryContainer#addRepoParameters). A script that
   * returns commits whatever it wrote, whatever status it set (DeclarativeWebScript renders the
   * status; only a throw rolls back, as RetryingTransactionHelper does); a throw answers 500.
   */
  public WsOutcome runWebScript(String location, String user, Map<String, String> args,
      Map<String, String> templateArgs, String body, NodeRef companyHome) {
    return runWebScript(location, user, args, templateArgs, body, companyHome,
        new HashMap<String, String>());
  }

  /** As above, with the request's headers (Surf's `headers` root object). */
  public WsOutcome runWebScript(String location, String user, Map<String, String> args,
      Map<String, String> templateArgs, String body, NodeRef companyHome,
      Map<String, String> headers) {
    WsOutcome out = new WsOutcome();
    AuthenticationUtil.setFullyAuthenticatedUser(user);
    repo.begin();
    WebScriptObjects.Status status = new WebScriptObjects.Status();
    Map<String, Object> returnModel = new HashMap<String, Object>();
    Map<String, Object> model = new HashMap<String, Object>();
    model.put("args", new HashMap<String, String>(args));
    model.put("argsM", new HashMap<String, String[]>());
    // AbstractWebScript#createHeaders (surf-webscripts 1ebdfee8 l. 882-892): the request's
    // headers, names case-insensitive.
    Map<String, String> hs = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
    hs.putAll(headers);
    model.put("headers", hs);
    model.put("guest", Boolean.FALSE);
    model.put("url", new WebScriptObjects.URLModel(location, new HashMap<String, String>(templateArgs)));
    model.put("format", new WebScriptObjects.FormatModel());
    model.put("status", status);
    model.put("cache", new WebScriptObjects.Cache());
    model.put("requestbody", body == null ? null : new WebScriptObjects.Content(body));
    if (companyHome != null) {
      model.put("companyhome", companyHome);
      NodeRef root = repo.getPrimaryParent(companyHome);
      if (root != null) model.put("roothome", root);
    }
    NodeRef person = repo.personOf(user);
    if (person != null) model.put("person", person);
    model.put("model", returnModel);
    if (!isContentStream(location)) {
      // DeclarativeWebScript#execute l. 50-59: an unregistered format fails before the script
      // runs (a WebScriptException: 500 through Surf's status template).
      String format = requestFormat(location, args);
      if (!FORMAT_MIMETYPES.containsKey(format)) {
        repo.rollback();
        AuthenticationUtil.clearCurrentSecurityContext();
        out.status = 500;
        out.error = "Web Script format '" + format + "' is not registered";
        return out;
      }
    }
    try {
      processor.execute(location, file(location), model, true);
      if (isContentStream(location) && !status.getRedirect()) {
        // kind="org.alfresco.repository.content.stream": StreamContent#execute (alfresco-
        // community-repo 25.5.0.31 remote-api/.../web/scripts/content/StreamContent.java) with
        // no redirect (l. 157) streams `model.contentNode` (l. 177-184; none: a
        // WebScriptException, l. 178-182) as `model.attach` says (l. 166-171), through
        // ContentStreamer#streamContent (l. 226-286: ContentService#getReader, so the caller's
        // Read and onContentRead) and #setAttachment (l. 501-506: `attachment`, and no file
        // name, as StreamContent passes null, l. 197). The body is how it streamed.
        out.body = streamed(returnModel);
        out.writes = repo.writes();
        repo.commit();
        out.committed = true;
        out.status = 200;
        return out;
      }
      Object b = returnModel.get("body");
      String rendered = renderFormat(location, args, b == null ? null : b.toString(),
          status.getRedirect(), out);
      out.writes = repo.writes();
      repo.commit();
      out.committed = true;
      out.status = status.getCode();
      out.body = rendered;
    } catch (RuntimeException e) {
      out.writes = repo.writes();
      repo.rollback();
      out.status = 500;
      out.error = e.getMessage();
      out.trace = trace(e);
    } finally {
      AuthenticationUtil.clearCurrentSecurityContext();
    }
    return out;
  }

  // ------------------------------------------------------------------ script actions

  /**
   * Runs a script action on `document` as ScriptActionExecuter does (repository/src/main/java/
   * org/alfresco/repo/action/executer/ScriptActionExecuter.java): the default model of
   * ScriptService#buildDefaultModel (companyhome, userhome, person, document, space) plus
   * `action`; the person is PersonService#getPerson(run-as user), which refuses a user without
   * a Person (System). In its own transaction (ISOLATED_TRANSACTIONS): a throw rolls it back.
   * Answers null when done, else the error.
   */
  public String runScriptAction(String location, NodeRef document, String runAsUser, NodeRef companyHome) {
    return inTransactionAs(runAsUser, () -> {
      NodeRef person = repo.personOf(runAsUser);
      // 23.1 asks PersonService#getPerson, which refuses a user without a Person (System);
      // from 23.8 ScriptActionExecuter asks getPersonOrNull and runs without `person`.
      if (person == null && !atLeast("23.8")) {
        throw new RuntimeException("Person does not exist: " + runAsUser + " (PersonService#getPerson)");
      }
      Map<String, Object> model = new HashMap<String, Object>();
      model.put("document", document);
      NodeRef space = repo.getPrimaryParent(document);
      if (space != null) model.put("space", space);
      if (companyHome != null) model.put("companyhome", companyHome);
      if (person != null) model.put("person", person);
      model.put("action", new HashMap<String, Object>());
      model.put("webApplicationContextUrl", "http://localhost:8080/alfresco");
      processor.execute(location, file(location), model, true);
    });
  }

  /**
   * Runs `work` in a transaction as `user` (a direct write by a REST client or another job);
   * answers null when committed, else the error (and the transaction is rolled back).
   */
  /** The status ACS's REST API would answer the last inTransactionAs (200 when it passed). */
  public int lastRestStatus = 200;

  /**
   * The status ACS's v1 REST API answers an exception (SimpleMappingExceptionResolver#matchException
   * walks the thrown exception's class and superclasses, never its cause, through the mappings of
   * public-rest-context.xml): AccessDeniedException 403, IntegrityException 422, anything else,
   * a behaviour's ScriptException included, 500. A Java exception a script's call threw reaches
   * here inside Rhino's WrappedException (the driver's own script), unwrapped first.
   */
  static int restStatusOf(Throwable e) {
    Throwable t = e instanceof org.mozilla.javascript.WrappedException
        ? ((org.mozilla.javascript.WrappedException) e).getWrappedException() : e;
    if (t instanceof Repo.AccessDeniedException) return 403;
    if (t instanceof Repo.IntegrityException) return 422;
    return 500;
  }

  public String inTransactionAs(String user, Runnable work) {
    AuthenticationUtil.setFullyAuthenticatedUser(user);
    repo.begin();
    lastRestStatus = 200;
    try {
      work.run();
      repo.commit();
      return null;
    } catch (RuntimeException e) {
      repo.rollback();
      lastRestStatus = restStatusOf(e);
      return e.getMessage();
    } finally {
      AuthenticationUtil.clearCurrentSecurityContext();
    }
  }

  /** Fixture properties (JSON-ish Java values by prefixed name) as the dictionary types them. */
  public Map<QName, Serializable> typedMap(Map<String, Object> props) {
    Map<QName, Serializable> out = new HashMap<QName, Serializable>();
    for (Map.Entry<String, Object> e : props.entrySet()) {
      QName q = dict.resolve(e.getKey());
      out.put(q, Values.convert(dict.dataType(q), dict.isMultiple(q), (Serializable) e.getValue()));
    }
    return out;
  }

  public ScriptNode scriptNode(NodeRef ref) {
    return new ScriptNode(this, ref, null);
  }
}
