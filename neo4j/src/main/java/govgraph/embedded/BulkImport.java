package govgraph.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.neo4j.cli.CommandFailedException;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import picocli.CommandLine;

/**
 * Builds a new store from CSV files with Neo4j's offline importer (what {@code neo4j-admin
 * database import full} runs), into the same home folder that {@link EmbeddedNeo4j} opens.
 *
 * <p>Usage: {@code BulkImport --data-dir DIR <import options…> neo4j}. The options are the
 * importer's own ({@code --nodes=…}, {@code --relationships=…}, {@code --overwrite-destination}):
 * govgraph writes the files and chooses them (src/db/bulk-load.ts). The database must not be
 * running. The importer prints its progress on stdout; on failure, each cause goes to stderr on a
 * line of its own; the exit code says whether it succeeded.
 */
public final class BulkImport {
  private BulkImport() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3 || !args[0].equals("--data-dir")) {
      throw new IllegalArgumentException("usage: BulkImport --data-dir DIR <import options…> neo4j");
    }
    Path home = Path.of(args[1]).toAbsolutePath();
    // The importer reads neo4j.conf from a conf folder; the embedded store needs no settings
    // beyond its home, so an empty file keeps the importer's defaults (data under home/data).
    Path conf = home.resolve("import-conf");
    Files.createDirectories(conf);
    Path file = conf.resolve("neo4j.conf");
    if (!Files.exists(file)) Files.writeString(file, "");
    ExecutionContext context = new ExecutionContext(home, conf);
    ImportCommand.Full command = new ImportCommand.Full(context);
    new CommandLine(command).parseArgs(Arrays.copyOfRange(args, 2, args.length));
    // Run around the command's own call(): without --verbose it reports a failure by its outermost
    // message alone ("Error importing csv file."), and --verbose replaces the stage progress that
    // govgraph reads ("(1/4) Node import", then percentages) with a view that has no percentages.
    int code = 0;
    try {
      command.execute();
    } catch (Exception failure) {
      code = failure instanceof CommandFailedException failed ? failed.getExitCode() : 1;
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        System.err.println(cause.getClass().getName() + ": " + cause.getMessage());
      }
    }
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }
}
