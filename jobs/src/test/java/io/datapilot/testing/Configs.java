package io.datapilot.testing;

import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.PipelineConfig;
import java.nio.file.Path;

/** A configuration read from a file, writing into a test's own folders. */
public final class Configs {
    private Configs() {}

    public static PipelineConfig load(Path file, Path warehouse, Path reports) {
        PipelineConfig config = ConfigLoader.load(file);
        return config.withOutputs(warehouse.toString(), reports.toString());
    }
}
