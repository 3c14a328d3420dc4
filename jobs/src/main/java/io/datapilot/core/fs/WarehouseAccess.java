package io.datapilot.core.fs;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.PipelineConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The warehouse reached before a command starts Spark: a warehouse on S3 or HDFS that refuses (an
 * endpoint that does not answer, a missing bucket, credentials refused, no connector on the
 * classpath) is said before any stage works, naming the bucket or the NameNode (an endpoint that
 * does not answer after the store client's own retries: s3a's {@code fs.s3a.retry.limit} and
 * {@code fs.s3a.attempts.maximum}). A local folder needs no check (it is created as needed).
 *
 * <p>On S3, Delta commits through its single-driver log store unless {@code
 * spark.delta.logStore.s3a.impl} names another: the check says so, since two runs writing the same
 * warehouse at once could then lose a commit.
 */
public final class WarehouseAccess {
    /** The log store Delta 3.3 uses for {@code s3a://} unless told otherwise. */
    public static final String S3_DEFAULT_LOG_STORE = "io.delta.storage.S3SingleDriverLogStore";
    private static final String LOG_STORE_SETTING = "spark.delta.logStore.s3a.impl";

    private WarehouseAccess() {}

    public static void check(PipelineConfig config, PrintStream progress) {
        String root = config.warehouse();
        if (!root.contains("://") || root.startsWith("file:")) {
            return;
        }
        Configuration hadoop = HadoopConfigs.from(config);
        Path path = new Path(root);
        URI uri = path.toUri();
        try (FileSystem fileSystem = FileSystem.newInstance(uri, hadoop)) {
            if (!fileSystem.exists(path)) {
                fileSystem.mkdirs(path);
            }
        } catch (IOException | RuntimeException | LinkageError failure) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot reach the warehouse " + root + " (" + where(uri, hadoop) + "): "
                    + cause(failure) + ". Nothing was read or written. " + advice(uri, failure));
        }
        if (isS3(uri)) {
            String logStore = config.spark().getOrDefault(LOG_STORE_SETTING, System.getProperty(LOG_STORE_SETTING, S3_DEFAULT_LOG_STORE));
            progress.println("[run] warehouse on S3 (" + where(uri, hadoop) + "); Delta commits through "
                    + logStore + (logStore.equals(S3_DEFAULT_LOG_STORE) ? ": one writer at a time (one datapilot run per warehouse;"
                            + " the nightly DAG never overlaps runs); for several writers set " + LOG_STORE_SETTING
                            + " to io.delta.storage.S3DynamoDBLogStore (package io.delta:delta-storage-s3-dynamodb)" : ""));
        }
    }

    private static boolean isS3(URI uri) {
        return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("s3");
    }

    private static String where(URI uri, Configuration hadoop) {
        if (isS3(uri)) {
            String bucket = uri.getHost();
            String endpoint = hadoop.get("fs.s3a.bucket." + bucket + ".endpoint", hadoop.get("fs.s3a.endpoint"));
            return "bucket " + bucket + ", endpoint " + (endpoint == null || endpoint.isBlank() ? "AWS's default" : endpoint);
        }
        if ("hdfs".equalsIgnoreCase(uri.getScheme())) {
            return "NameNode " + uri.getAuthority();
        }
        return uri.getScheme() + " file system " + uri.getAuthority();
    }

    private static String advice(URI uri, Throwable failure) {
        String fix = "Or point --warehouse (or the configuration's warehouse) at another place.";
        if (String.valueOf(failure.getMessage()).contains("No FileSystem for scheme") || failure instanceof LinkageError) {
            return "Its connector is not on the classpath: the local launcher (scripts/datapilot) has s3a's (hadoop-aws) and HDFS's;"
                    + " with spark-submit add --packages org.apache.hadoop:hadoop-aws:3.3.4 for s3a, or use the cluster's own. " + fix;
        }
        if (isS3(uri)) {
            String bucket = uri.getHost();
            return "Check that the endpoint answers (spark.hadoop.fs.s3a.endpoint in the configuration's spark section or"
                    + " spark-submit's --conf, or fs.s3a.bucket." + bucket + ".endpoint), that the bucket " + bucket + " exists, and"
                    + " that the credentials are in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the provider chain"
                    + " (spark.hadoop.fs.s3a.aws.credentials.provider), never in the configuration file. " + fix;
        }
        return "Check that the NameNode answers at that address and that this user may write there. " + fix;
    }

    /** The deepest cause's class and first line: the store's own words. */
    private static String cause(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = String.valueOf(failure == deepest ? failure.getMessage() : failure.getMessage() + " — " + deepest.getMessage());
        message = message.lines().findFirst().orElse("").strip();
        return failure.getClass().getSimpleName() + ": " + (message.length() > 400 ? message.substring(0, 400) + "…" : message);
    }
}
