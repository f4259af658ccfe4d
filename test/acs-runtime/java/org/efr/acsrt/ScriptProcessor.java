package org.efr.acsrt;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alfresco.error.AlfrescoRuntimeException;
import org.alfresco.repo.jscript.NativeMap;
import org.alfresco.scripts.ScriptException;
import org.alfresco.service.cmr.repository.NodeRef;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ImporterTopLevel;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.WrapFactory;
import org.mozilla.javascript.WrappedException;

/**
 * Runs a script the way ACS's RhinoScriptProcessor does (repository/src/main/java/org/alfresco/
 * repo/jscript/RhinoScriptProcessor.java, tag 25.5.0.31; line numbers there):
 * - the source is read as UTF-8 and then again in the JVM's default charset for imports
 *   (l. 255-257: the second read is what runs, so a non-ASCII script depends on the platform);
 * - compiled once per location at the factory's optimization level
 *   (scripts.execution.optimizationLevel=0, repository.properties l. 1398), language version
 *   left at Rhino's default (AlfrescoContextFactory#makeContext sets none);
 * - a fresh scope per run whose prototype is a shared sealed scope: for secure (classpath)
 *   scripts an ImporterTopLevel with Packages, java, JavaAdapter (l. 557-560, 794-811), for
 *   others initSafeStandardObjects without them (l. 809);
 * - the wrap factory of RhinoWrapFactory (l. 697-714): every java.util.Map becomes a NativeMap
 *   (ACS gives non-secure scripts its SandboxWrapFactory instead, l. 550; the module's scripts
 *   are all secure, so the runtime uses one factory for both);
 * - the model: NodeRef values become ScriptNodes (convertToRhinoModel, l. 669-692), the
 *   processor extensions (search, people, logger, groups, utils) are added (l. 574-577), each
 *   Scopeable gets the scope, each value goes through Context.javaToJS (l. 580-603);
 * - errors: a WrappedException rethrows its RuntimeException, anything else becomes an
 *   AlfrescoRuntimeException (l. 611-631), and execute() wraps every throw in a ScriptException
 *   "Failed to execute script '<location>': <message>" (l. 290-292);
 * - not emulated: the result's convertValueForJava (l. 609) and the execution limits
 *   (enableLimits, l. 553). behaviors/data/acs-runtime.json lists each of these with its lines
 *   at every tag.
 */
public final class ScriptProcessor {
  /** RhinoWrapFactory: Maps as NativeMap, everything else as Rhino wraps it. */
  static final class RhinoWrapFactory extends WrapFactory {
    @Override
    public Scriptable wrapAsJavaObject(Context cx, Scriptable scope, Object javaObject, Class<?> staticType) {
      if (javaObject instanceof Map) return new NativeMap(scope, (Map<?, ?>) javaObject);
      return super.wrapAsJavaObject(cx, scope, javaObject, staticType);
    }
  }

  static final WrapFactory WRAP_FACTORY = new RhinoWrapFactory();
  private final AcsRuntime rt;
  private final Map<String, Script> cache = new HashMap<String, Script>();
  private Scriptable secureShared;
  private Scriptable safeShared;
  /** Optimization level scripts are compiled at (ACS: 0). */
  private int optimizationLevel = 0;

  ScriptProcessor(AcsRuntime rt) {
    this.rt = rt;
  }

  public void setOptimizationLevel(int level) {
    if (level != optimizationLevel) cache.clear();
    optimizationLevel = level;
  }

  private Script compile(Context cx, String location, String file) throws IOException {
    String key = location + "@" + optimizationLevel;
    Script s = cache.get(key);
    if (s == null) {
      byte[] bytes = Files.readAllBytes(Paths.get(file));
      // RhinoScriptProcessor l. 256-257: `new String(bytes)`, the platform charset, is what runs.
      String source = new String(bytes, Charset.defaultCharset());
      int before = cx.getOptimizationLevel();
      cx.setOptimizationLevel(optimizationLevel);
      try {
        s = cx.compileString(source, location, 1, null);
      } finally {
        cx.setOptimizationLevel(before);
      }
      cache.put(key, s);
    }
    return s;
  }

  private Scriptable shared(Context cx, boolean secure) {
    WrapFactory before = cx.getWrapFactory();
    cx.setWrapFactory(WRAP_FACTORY);
    try {
      if (secure && secureShared == null) secureShared = new ImporterTopLevel(cx, true);
      if (!secure && safeShared == null) safeShared = cx.initSafeStandardObjects(null, true);
    } finally {
      cx.setWrapFactory(before);
    }
    return secure ? secureShared : safeShared;
  }

  /**
   * Executes the script at `location` (read from `file`) with `model`; `secure` for classpath
   * scripts. Returns the script's result; throws ScriptException as ACS does.
   */
  public Object execute(String location, String file, Map<String, Object> model, boolean secure) {
    Context cx = Context.enter();
    WrapFactory before = cx.getWrapFactory();
    try {
      Script script = compile(cx, location, file);
      cx.setWrapFactory(WRAP_FACTORY);
      Scriptable shared = shared(cx, secure);
      Scriptable scope = cx.newObject(shared);
      scope.setPrototype(shared);
      scope.setParentScope(null);
      Map<String, Object> full = new LinkedHashMap<String, Object>();
      for (Map.Entry<String, Object> e : model.entrySet()) {
        Object v = e.getValue();
        full.put(e.getKey(), v instanceof NodeRef ? new ScriptNode(rt, (NodeRef) v) : v);
      }
      full.putAll(rt.processorExtensions());
      for (Map.Entry<String, Object> e : full.entrySet()) {
        Object obj = e.getValue();
        if (obj instanceof Scopeable) ((Scopeable) obj).setScope(scope);
        ScriptableObject.putProperty(scope, e.getKey(), Context.javaToJS(obj, scope));
      }
      try {
        return script.exec(cx, scope);
      } catch (WrappedException w) {
        Throwable err = w.getWrappedException();
        if (err instanceof RuntimeException) throw (RuntimeException) err;
        throw new AlfrescoRuntimeException(err.getMessage(), err);
      } catch (RuntimeException err) {
        throw new AlfrescoRuntimeException(err.getMessage(), err);
      }
    } catch (Throwable err) {
      throw new ScriptException("Failed to execute script '" + location + "': " + err.getMessage(), err);
    } finally {
      cx.setWrapFactory(before);
      Context.exit();
    }
  }
}
