package io.datapilot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS inside the test JVM, started on first use and shut down when the JVM exits: a
 * NameNode and three DataNodes on 127.0.0.1 (Hadoop's {@code MiniDFSCluster}, Spark 3.5's Hadoop
 * line), their storage in a temporary folder. Three DataNodes and the default replication of 3, so
 * that a DataNode can be stopped while a table is written and every block stays readable.
 */
public final class MiniHdfs {
    public static final int DATA_NODES = 3;

    private static MiniDFSCluster cluster;

    private MiniHdfs() {}

    public static synchronized MiniDFSCluster cluster() {
        if (cluster == null) {
            try {
                Path folder = Files.createTempDirectory("datapilot-hdfs");
                Configuration conf = new Configuration();
                conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, folder.toString());
                conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
                conf.set("dfs.namenode.http-address", "127.0.0.1:0");
                // a stopped DataNode is noticed by the clients that fail to reach it, not after the NameNode's 10 minutes
                conf.setInt("dfs.client.socket-timeout", 10_000);
                cluster = new MiniDFSCluster.Builder(conf).numDataNodes(DATA_NODES).build();
                cluster.waitActive();
                MiniDFSCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.shutdown(true);
                    io.datapilot.core.fs.LocalFolders.deleteQuietly(folder);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the HDFS mini-cluster: " + e.getMessage(), e);
            }
        }
        return cluster;
    }

    /** {@code hdfs://127.0.0.1:<port><path>}. */
    public static String uri(String path) {
        return "hdfs://127.0.0.1:" + cluster().getNameNodePort() + path;
    }

    public static FileSystem fileSystem() {
        try {
            return cluster().getFileSystem();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
