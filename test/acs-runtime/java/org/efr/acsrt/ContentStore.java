package org.efr.acsrt;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alfresco.repo.content.cleanup.EagerContentStoreCleaner;

/**
 * The runtime's content stores, as ACS wires them (content-services-context.xml, 25.5.0.31):
 * `fileContentStore` (contentstore/) holding each binary under its content URL
 * (`store://yyyy/M/d/H/m/<uuid>.bin`, FileContentStore), and `deletedContentStore`
 * (contentstore.deleted/) into which DeletedContentBackupCleanerListener copies a binary before
 * the ContentStoreCleaner job deletes it (l. 71-90; DeletedContentBackupCleanerListener l. 62-77:
 * nothing to copy when the binary is gone). Files live in a temporary directory of the run.
 */
final class ContentStore implements EagerContentStoreCleaner.Stores {
  private final File root;
  private final File deleted;
  private final Map<String, File> binaries = new LinkedHashMap<String, File>();
  private final Map<String, File> backups = new LinkedHashMap<String, File>();
  private int seq;

  ContentStore() {
    try {
      File dir = Files.createTempDirectory("efr-acsrt-store-").toFile();
      dir.deleteOnExit();
      root = new File(dir, "contentstore");
      deleted = new File(dir, "contentstore.deleted");
      root.mkdirs();
      deleted.mkdirs();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies `source` into the store under a new content URL (FileContentStore's writer). */
  String put(String source, long now) {
    java.util.Calendar c = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(now);
    String url = "store://" + c.get(java.util.Calendar.YEAR) + "/" + (c.get(java.util.Calendar.MONTH) + 1)
        + "/" + c.get(java.util.Calendar.DAY_OF_MONTH) + "/" + c.get(java.util.Calendar.HOUR_OF_DAY)
        + "/" + c.get(java.util.Calendar.MINUTE) + "/efr-" + (++seq) + ".bin";
    File to = new File(root, url.substring("store://".length()));
    to.getParentFile().mkdirs();
    try {
      Files.copy(new File(source).toPath(), to.toPath(), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    binaries.put(url, to);
    return url;
  }

  /** The binary's file, or null when the store does not hold the URL. */
  File fileOf(String url) {
    File f = binaries.get(url);
    return f != null && f.exists() ? f : null;
  }

  /** Whether contentstore.deleted holds a copy of the URL's binary. */
  boolean backedUp(String url) {
    File f = backups.get(url);
    return f != null && f.exists();
  }

  /** Every URL the store was given, in order. */
  List<String> urls() {
    return new ArrayList<String>(binaries.keySet());
  }

  @Override
  public void beforeDelete(String url) {
    File f = fileOf(url);
    if (f == null) return;
    File to = new File(deleted, url.substring("store://".length()));
    to.getParentFile().mkdirs();
    try {
      Files.copy(f.toPath(), to.toPath(), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    backups.put(url, to);
  }

  @Override
  public boolean delete(String url) {
    File f = binaries.get(url);
    if (f == null || !f.exists()) return true;
    return f.delete();
  }
}
