package org.efr.acsrt;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ImporterTopLevel;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * The launcher: `java -cp <classes>:rhino.jar org.efr.acsrt.Main <driver.js>… -- <input.json>`.
 * The drivers are test code (ES5, in a plain Rhino scope of their own with Java access); they
 * set up an AcsRuntime (`acs`), run the module's scripts through it and print one JSON line.
 */
public final class Main {
  private Main() {}

  public static void main(String[] argv) throws Exception {
    int sep = java.util.Arrays.asList(argv).indexOf("--");
    final PrintStream out = new PrintStream(System.out, true, "UTF-8");
    Context cx = Context.enter();
    try {
      Scriptable scope = new ImporterTopLevel(cx);
      ScriptableObject.putProperty(scope, "acs", Context.javaToJS(new AcsRuntime(), scope));
      ScriptableObject.putProperty(scope, "inputFile", argv[sep + 1]);
      ScriptableObject.putProperty(scope, "stdout", Context.javaToJS(out, scope));
      for (int i = 0; i < sep; i++) {
        String src = new String(Files.readAllBytes(Paths.get(argv[i])), StandardCharsets.UTF_8);
        cx.evaluateString(scope, src, argv[i], 1, null);
      }
    } finally {
      Context.exit();
    }
  }
}
