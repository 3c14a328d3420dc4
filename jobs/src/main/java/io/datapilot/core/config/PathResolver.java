package io.datapilot.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves relative paths of a configuration against its {@code base_dir}.
 *
 * <p>{@code base_dir} is itself relative to the directory of the configuration file (like
 * docker-compose files), so a configuration works from any current directory. URIs with a scheme
 * ({@code s3a://}, {@code hdfs://}, {@code file:/}) are kept as they are.
 */
public final class PathResolver {
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private PathResolver() {}

    static PipelineConfig resolve(PipelineConfig config, Path configDirectory) {
        Path base = configDirectory;
        if (config.baseDir() != null && !config.baseDir().isBlank()) {
            Path declared = Path.of(config.baseDir());
            base = declared.isAbsolute() ? declared : configDirectory.resolve(declared);
        }
        Path anchor = base.normalize();
        List<SourceConfig> sources = config.sources().stream()
                .map(source -> source.path() == null ? source : source.withPath(resolve(source.path(), anchor)))
                .toList();
        RgpdConfig rgpd = config.rgpd().keyFile() == null ? config.rgpd()
                : config.rgpd().withKeyFile(resolve(config.rgpd().keyFile(), anchor));
        GovernanceConfig governance = config.governance();
        governance = governance.withPaths(resolveOptional(governance.plan(), anchor), resolveOptional(governance.logbook(), anchor),
                resolveOptional(governance.opportunities().file(), anchor));
        // a feed's http(s) URL or file: URI is kept; a local path is read from base_dir, like the plan
        List<WatchConfig.FeedConfig> feeds = config.watch().feeds().stream()
                .map(feed -> feed == null || feed.url() == null || feed.url().isBlank() ? feed : feed.withUrl(resolve(feed.url(), anchor)))
                .toList();
        return config.withPaths(anchor.toString(), resolve(config.warehouse(), anchor), resolve(config.reportsDir(), anchor),
                sources, rgpd, governance, config.watch().withFeeds(feeds));
    }

    public static boolean isUri(String path) {
        return URI_SCHEME.matcher(path).matches();
    }

    private static String resolveOptional(String path, Path base) {
        return path == null ? null : resolve(path, base);
    }

    static String resolve(String path, Path base) {
        if (isUri(path)) {
            return path;
        }
        Path candidate = Path.of(path);
        return (candidate.isAbsolute() ? candidate : base.resolve(candidate)).normalize().toString();
    }
}
