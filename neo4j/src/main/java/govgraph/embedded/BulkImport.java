package govgraph.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * running. The importer prints its progress on stdout; the exit code says whether it succeeded.
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
    int code = new CommandLine(new ImportCommand.Full(context)).execute(Arrays.copyOfRange(args, 2, args.length));
    System.out.flush();
    System.exit(code);
  }
}
