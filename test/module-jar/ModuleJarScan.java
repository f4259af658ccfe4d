// Looks into a module JAR the way ACS finds a module's parts (issue 14, finding 1): a
// java.net.URLClassLoader over the JAR alone, and each `classpath*:` pattern resolved the way
// Spring's PathMatchingResourcePatternResolver does it (getResources -> findPathMatchingResources:
// determineRootDir, ClassLoader.getResources on that root folder, then a walk of the JAR's
// entries under each root found, matched Ant-style). The patterns and where ACS uses them are
// in behaviors/data/acs-module-loading.json.
//
// Usage: java ModuleJarScan <jar> <classpath*:pattern>...
// Prints one JSON object: {"results":[{"pattern":…,"rootDir":…,"roots":n,"matches":[…]}]}.
// `roots` is how many URLs ClassLoader.getResources gave for the root folder; `matches` the JAR
// entry names found under them (for a pattern without wildcards, the names getResources found).
//
// Our own code, written from how the resolver behaves; compiled at test time with Debian's javac
// by test/module-jar/module-jar-classloader.spec.ts.

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

public final class ModuleJarScan {
    private static final String CLASSPATH_ALL = "classpath*:";

    private ModuleJarScan() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java ModuleJarScan <jar> <classpath*:pattern>...");
            System.exit(2);
        }
        URL jarUrl = new File(args[0]).toURI().toURL();
        StringBuilder out = new StringBuilder("{\"results\":[");
        // Parent null: only the module JAR is searched, not the JDK's own resources.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarUrl}, null)) {
            for (int i = 1; i < args.length; i++) {
                if (i > 1) {
                    out.append(',');
                }
                resolve(loader, args[i], out);
            }
        }
        out.append("]}");
        System.out.println(out);
    }

    /** Resolves one classpath*: pattern and appends its JSON result. */
    private static void resolve(ClassLoader loader, String locationPattern, StringBuilder out)
            throws IOException {
        if (!locationPattern.startsWith(CLASSPATH_ALL)) {
            throw new IllegalArgumentException("not a classpath*: pattern: " + locationPattern);
        }
        String path = locationPattern.substring(CLASSPATH_ALL.length());
        Set<String> matches = new LinkedHashSet<>();
        String rootDir;
        int roots;
        if (!isPattern(path)) {
            // findAllClassPathResources: ClassLoader.getResources on the path itself.
            rootDir = path;
            List<URL> found = Collections.list(loader.getResources(stripSlash(path)));
            roots = found.size();
            for (URL url : found) {
                matches.add(entryName(url));
            }
        } else {
            rootDir = determineRootDir(path);
            String subPattern = path.substring(rootDir.length());
            List<URL> rootUrls = Collections.list(loader.getResources(stripSlash(rootDir)));
            roots = rootUrls.size();
            Pattern matcher = antPattern(subPattern);
            // The root entry itself (relative path "") matches only a pattern of '**' alone.
            boolean rootMatches = subPattern.replace("**", "").replace("/", "").isEmpty();
            for (URL rootUrl : rootUrls) {
                matches.addAll(findInJar(rootUrl, matcher, rootMatches));
            }
        }
        out.append("{\"pattern\":").append(json(locationPattern))
            .append(",\"rootDir\":").append(json(rootDir))
            .append(",\"roots\":").append(roots)
            .append(",\"matches\":[");
        boolean first = true;
        for (String m : matches) {
            out.append(first ? "" : ",").append(json(m));
            first = false;
        }
        out.append("]}");
    }

    /** Spring strips one leading slash before asking the class loader. */
    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Whether a path has Ant wildcards (AntPathMatcher.isPattern: '*', '?', '{'). */
    private static boolean isPattern(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('{') >= 0;
    }

    /** The longest folder prefix without wildcards, as determineRootDir computes it. */
    private static String determineRootDir(String location) {
        int rootDirEnd = location.length();
        while (rootDirEnd > 0 && isPattern(location.substring(0, rootDirEnd))) {
            rootDirEnd = location.lastIndexOf('/', rootDirEnd - 2) + 1;
        }
        return location.substring(0, rootDirEnd);
    }

    /**
     * An Ant-style pattern as a regular expression over a relative entry name: '**' spans
     * folders, '*' and '?' stay inside one name; a folder entry (trailing '/') matches only a
     * pattern ending with '/', as AntPathMatcher requires both to agree on the trailing slash.
     */
    private static Pattern antPattern(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                re.append("(?:[^/]+/)*");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(re.toString());
    }

    /** doFindPathMatchingJarResources: every entry under the root entry that matches. */
    private static List<String> findInJar(URL rootUrl, Pattern matcher, boolean rootMatches)
            throws IOException {
        List<String> result = new ArrayList<>();
        URLConnection con = rootUrl.openConnection();
        if (!(con instanceof JarURLConnection)) {
            throw new IOException("not a jar: URL: " + rootUrl);
        }
        JarURLConnection jarCon = (JarURLConnection) con;
        jarCon.setUseCaches(false);
        JarEntry rootEntry = jarCon.getJarEntry();
        String rootEntryPath = rootEntry != null ? rootEntry.getName() : "";
        if (!rootEntryPath.isEmpty() && !rootEntryPath.endsWith("/")) {
            rootEntryPath = rootEntryPath + "/";
        }
        try (JarFile jarFile = jarCon.getJarFile()) {
            for (Enumeration<JarEntry> e = jarFile.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (!name.startsWith(rootEntryPath)) {
                    continue;
                }
                String relative = name.substring(rootEntryPath.length());
                if (relative.isEmpty() ? rootMatches : matcher.matcher(relative).matches()) {
                    result.add(name);
                }
            }
        }
        return result;
    }

    /** The entry name of a jar: URL (the part after "!/"). */
    private static String entryName(URL url) {
        String s = url.toExternalForm();
        int sep = s.indexOf("!/");
        return sep < 0 ? s : s.substring(sep + 2);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
