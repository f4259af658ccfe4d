package org.alfresco.repo.transaction;

import java.util.HashMap;
import java.util.Map;

/**
 * EFR test stand-in for ACS's AlfrescoTransactionSupport (repository, org/alfresco/repo/
 * transaction/AlfrescoTransactionSupport.java, whose static methods are TransactionSupportUtil's,
 * core/src/main/java/org/alfresco/util/transaction/TransactionSupportUtil.java l. 91-128,
 * 238-254 at 25.5.0.31): resources bound to the current transaction, cleared when it ends. The
 * runtime begins and ends transactions (org.efr.acsrt.Repo). Unlike ACS, which binds to a
 * thread-local map even outside a transaction (l. 238-246), bindResource here throws then.
 */
public final class AlfrescoTransactionSupport {
  private static Map<Object, Object> resources;
  private static String txnId;
  private static int counter;
  /** Every bind, as "tx: bind key=value" (for the drivers' reports). */
  public static final java.util.List<String> binds = new java.util.ArrayList<String>();

  private AlfrescoTransactionSupport() {}

  /** Called by the runtime when a transaction begins. */
  public static void begin() {
    resources = new HashMap<Object, Object>();
    txnId = "txn-" + (++counter);
  }

  /** Called by the runtime when the transaction ends (commit or rollback). */
  public static void end() {
    resources = null;
    txnId = null;
  }

  public static String getTransactionId() {
    return txnId;
  }

  public static void bindResource(Object key, Object value) {
    // Outside a transaction ACS still binds to its thread-local map (TransactionSupportUtil
    // l. 238-246); the runtime keeps such a bind until the next transaction begins.
    if (resources == null) resources = new HashMap<Object, Object>();
    resources.put(key, value);
    binds.add("tx: bind " + key + "=" + value);
  }

  public static Object getResource(Object key) {
    return resources == null ? null : resources.get(key);
  }

  /** The bound resources of the running transaction (for the driver's report). */
  public static Map<Object, Object> resources() {
    return resources;
  }
}
