package govgraph.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.cli.CommandFailedException;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.database.DatabaseContextProvider;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.database.AbstractDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import picocli.CommandLine;

/**
 * Replaces the default database's store with one that Neo4j's offline importer (what {@code
 * neo4j-admin database import full} runs) builds from CSV files, inside the running DBMS: the
 * database alone is stopped, the importer runs in this JVM, and the database starts again on the
 * new store. Community Edition has no STOP DATABASE, so the database is stopped through its
 * lifecycle, as the DBMS itself does at shutdown. Compared with stopping the JVM, running the
 * importer in a JVM of its own and starting Neo4j again, this skips two JVM starts and the
 * DBMS's own start; Bolt keeps listening, so clients keep their connections.
 *
 * <p>The arguments are the importer's own ({@code --nodes=…}, {@code --relationships=…}, the
 * database's name last): govgraph writes the files and chooses them (src/db/bulk-load.ts). The
 * importer's progress goes to {@code out}, and so do the stop's and the start's milliseconds
 * ({@code GOVGRAPH_IMPORT_STEP stop 312}); on failure, each cause goes there on a line of its own
 * that starts with {@code GOVGRAPH_IMPORT_CAUSE}, and the database starts on an empty store.
 */
final class StoreImport {
  private StoreImport() {}

  /** Returns the importer's exit code: 0 when the new store is in place. */
  static int replaceStore(DatabaseManagementService service, Path home, String[] importArgs, PrintStream out) {
    GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    DatabaseContextProvider<?> databases = system.getDependencyResolver().resolveDependency(DatabaseContextProvider.class);
    AbstractDatabase database = databases.getDatabaseContext(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).orElseThrow().database();
    long started = System.nanoTime();
    database.stop();
    step(out, "stop", started);
    int code = 1;
    try {
      code = runImporter(home, importArgs, out);
    } catch (RuntimeException | IOException failure) {
      printCauses(failure, out);
    } finally {
      try {
        // A store the importer left half-built: removed, the database creates an empty one.
        if (code != 0) removeStore(home);
      } catch (IOException failure) {
        printCauses(failure, out);
      }
      started = System.nanoTime();
      database.start();
      step(out, "start", started);
    }
    return code;
  }

  /** Tells the parent how long a step took, on a line of its own. */
  private static void step(PrintStream out, String name, long startedNanos) {
    out.println("GOVGRAPH_IMPORT_STEP " + name + " " + (System.nanoTime() - startedNanos) / 1_000_000);
    out.flush();
  }

  private static int runImporter(Path home, String[] importArgs, PrintStream out) throws IOException {
    // The importer reads neo4j.conf from a conf folder; the embedded store needs no settings
    // beyond its home, so an empty file keeps the importer's defaults (data under home/data).
    Path conf = home.resolve("import-conf");
    Files.createDirectories(conf);
    Path file = conf.resolve("neo4j.conf");
    if (!Files.exists(file)) Files.writeString(file, "");
    ExecutionContext context = new ExecutionContext(home, conf, out, out, new DefaultFileSystemAbstraction());
    ImportCommand.Full command = new ImportCommand.Full(context);
    new CommandLine(command).parseArgs(importArgs);
    // Run around the command's own call(): without --verbose it reports a failure by its outermost
    // message alone ("Error importing csv file."), and --verbose replaces the stage progress that
    // govgraph reads ("(1/4) Node import", then percentages) with a view that has no percentages.
    try {
      command.execute();
      return 0;
    } catch (Exception failure) {
      printCauses(failure, out);
      return failure instanceof CommandFailedException failed ? failed.getExitCode() : 1;
    } finally {
      out.flush();
    }
  }

  static void printCauses(Throwable failure, PrintStream out) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      out.println("GOVGRAPH_IMPORT_CAUSE " + cause.getClass().getName() + ": " + cause.getMessage());
    }
    out.flush();
  }

  private static void removeStore(Path home) throws IOException {
    for (String folder : new String[] {"databases", "transactions"}) {
      Path store = home.resolve("data").resolve(folder).resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      if (!Files.exists(store)) continue;
      try (Stream<Path> paths = Files.walk(store)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
      }
    }
  }

  static String[] argumentsOf(String line) {
    return Arrays.stream(line.split("\t")).filter(part -> !part.isEmpty()).toArray(String[]::new);
  }
}
