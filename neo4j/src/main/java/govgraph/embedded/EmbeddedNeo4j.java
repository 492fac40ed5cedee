package govgraph.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community in-process with only a Bolt connector on loopback, for govgraph's
 * Node server and tests.
 *
 * <p>The Node parent owns this process through its stdin pipe: when the pipe closes (the
 * parent exited, crashed or was killed with SIGKILL) the database shuts down and the JVM
 * exits, so no JVM outlives its parent. The one line on stdout that starts with
 * {@code GOVGRAPH_BOLT_READY} tells the parent which port Bolt listens on.
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Path dataDir = Path.of(required(options, "data-dir")).toAbsolutePath();
    int port = Integer.parseInt(options.getOrDefault("port", "0"));
    long pageCacheMb = Long.parseLong(options.getOrDefault("pagecache-mb", "256"));
    long txTimeoutMs = Long.parseLong(options.getOrDefault("tx-timeout-ms", "0"));

    DatabaseManagementServiceBuilder builder =
        new DatabaseManagementServiceBuilder(dataDir)
            .setConfig(BoltConnector.enabled, true)
            // Port 0 lets the OS pick a free port; the real one is read back below.
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            // Loopback only and owned by one parent process: authentication adds nothing.
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            // Transaction logs are only needed for backups, which an embedded dev database has none of.
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
            // Bolt waits 5 s twice for connections and threads that are already gone when the
            // parent stops us; a parent that restarts or exits should not wait ten seconds for that.
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
            // By default the plan cache keys a statement by the length of its string and list
            // parameters too, so a search of other words (its Lucene query is a string) or a
            // loader batch of another size is planned again: 1-2 s each for queries/search on a
            // warm JVM. govgraph's statements seek indexes whatever those lengths are.
            .setConfig(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false);
    if (txTimeoutMs > 0) {
      builder.setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMillis(txTimeoutMs));
    }

    DatabaseManagementService service = builder.build();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutdown(service), "govgraph-neo4j-shutdown"));

    GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    var address =
        db.getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT);
    // The first statement of a fresh JVM loads and compiles the Cypher stack (seconds): do it
    // before saying "ready", so that ready means queries are answered, not queued.
    db.executeTransactionally("CALL dbms.components() YIELD name RETURN name");
    System.out.println("GOVGRAPH_BOLT_READY " + address.getHost() + ":" + address.getPort());
    System.out.flush();

    serveUntilParentGoes(service, dataDir, System.in);
    System.exit(0);
  }

  /**
   * Runs the parent's commands, one per line of stdin, until the parent closes it (normal stop or
   * death of the parent). {@code IMPORT} and the importer's arguments, tab-separated, replace the
   * store (StoreImport) and end with a line {@code GOVGRAPH_IMPORT_DONE <exit code>}.
   */
  private static void serveUntilParentGoes(DatabaseManagementService service, Path home, InputStream in) {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("IMPORT\t")) {
          int code = 1;
          try {
            code = StoreImport.replaceStore(service, home, StoreImport.argumentsOf(line.substring(7)), System.out);
          } catch (RuntimeException failure) {
            // The database did not stop or start again: the parent hears why, rather than waiting.
            StoreImport.printCauses(failure, System.out);
          }
          System.out.println("GOVGRAPH_IMPORT_DONE " + code);
          System.out.flush();
        }
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone, the same as end-of-stream.
    }
  }

  private static synchronized void shutdown(DatabaseManagementService service) {
    try {
      service.shutdown();
    } catch (RuntimeException e) {
      System.err.println("govgraph: error while stopping Neo4j: " + e);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + arg);
      }
      options.put(arg.substring(2), args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }
}
