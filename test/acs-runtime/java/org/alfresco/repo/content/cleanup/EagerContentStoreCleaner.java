package org.alfresco.repo.content.cleanup;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * EFR test stand-in for ACS's EagerContentStoreCleaner (repository/src/main/java/org/alfresco/
 * repo/content/cleanup/EagerContentStoreCleaner.java, 25.5.0.31), the bean
 * `eagerContentStoreCleaner` (content-services-context.xml l. 123-131):
 * - registerOrphanedContentUrl(url, force): false, and nothing scheduled, unless
 *   `system.content.eagerOrphanCleanup` is on or `force` is true; else the URL is kept for the
 *   running transaction (l. 170-186);
 * - afterCommit(): each URL kept is deleted from the stores without the listeners (l. 192-218:
 *   `deleteFromStores(contentUrl, false)`); afterRollback(): none of them is (l. 221-247 only
 *   deletes the URLs of content written in the rolled-back transaction);
 * - deleteFromStores(url): the ContentStoreCleaner job's path, listeners first (l. 258-307).
 * The stores are the runtime's one file store (org.efr.acsrt.ContentStore).
 */
public class EagerContentStoreCleaner {
  /** What the cleaner deletes from, and its listeners (harness). */
  public interface Stores {
    /** DeletedContentBackupCleanerListener#beforeDelete: copies a file that exists. */
    void beforeDelete(String contentUrl);

    /** FileContentStore#delete: true when gone (a missing file counts as deleted). */
    boolean delete(String contentUrl);
  }

  private boolean eagerOrphanCleanup;
  private Stores stores;
  private final Set<String> postCommit = new LinkedHashSet<String>();

  /** `system.content.eagerOrphanCleanup` (repository.properties l. 218: false). */
  public void setEagerOrphanCleanup(boolean eagerOrphanCleanup) {
    this.eagerOrphanCleanup = eagerOrphanCleanup;
  }

  /** Harness: the store and listener the runtime wires (content-services-context.xml). */
  public void setStores(Stores stores) {
    this.stores = stores;
  }

  public boolean registerOrphanedContentUrl(String contentUrl) {
    return registerOrphanedContentUrl(contentUrl, false);
  }

  public boolean registerOrphanedContentUrl(String contentUrl, boolean force) {
    if (!eagerOrphanCleanup && !force) return false;
    postCommit.add(contentUrl);
    return true;
  }

  /** TransactionListener#afterCommit: the URLs kept leave the store, no listener called. */
  public void afterCommit() {
    for (String url : postCommit) stores.delete(url);
    postCommit.clear();
  }

  /** TransactionListener#afterRollback: the URLs kept are forgotten with the transaction. */
  public void afterRollback() {
    postCommit.clear();
  }

  /** Deletes a URL from the store, the listeners called first (the cleaner job's path). */
  public boolean deleteFromStores(String contentUrl) {
    stores.beforeDelete(contentUrl);
    return stores.delete(contentUrl);
  }
}
