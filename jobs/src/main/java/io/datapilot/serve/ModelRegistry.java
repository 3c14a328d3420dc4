package io.datapilot.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.ml.ModelStore;
import io.datapilot.ml.scorer.LocalScorer;
import io.datapilot.ml.scorer.ScorerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The models the application serves: for each target of the data set, the latest version under
 * {@code <warehouse>/models/<dataset>/<target>/}. {@link #reload} reads the folders again and swaps
 * the whole set at once, so that a request sees the old models or the new ones, never a mix; a
 * version whose files cannot be read is reported and the previous one stays in service.
 */
public final class ModelRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is served, and what could not be loaded (target → message). */
    public record Snapshot(Map<String, ServedModel> models, Map<String, String> failures, boolean loaded) {
        public Snapshot {
            // in the order of the folders (by target name): pages and listings keep one order
            models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
            failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }
    }

    private final Path datasetFolder;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(Map.of(), Map.of(), false));
    private final Map<Path, FileTime> seen = new java.util.concurrent.ConcurrentHashMap<>();

    public ModelRegistry(Path warehouse, String dataset) {
        this.datasetFolder = Path.of(ModelStore.root(warehouse.toString())).resolve(dataset);
    }

    public Snapshot snapshot() {
        return current.get();
    }

    public Path folder() {
        return datasetFolder;
    }

    /**
     * Reads the model folders again; returns the targets whose version changed. Synchronized: the
     * file watch and the admin endpoint may ask at the same time, and each swap starts from the last.
     */
    public synchronized List<String> reload() {
        Snapshot before = current.get();
        Map<String, ServedModel> models = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (Path targetFolder : children(datasetFolder)) {
            String target = targetFolder.getFileName().toString();
            Path latest = children(targetFolder).stream().filter(folder -> Files.isRegularFile(folder.resolve(ModelStore.MODEL_JSON)))
                    .max(Comparator.comparing(folder -> folder.getFileName().toString())).orElse(null);
            if (latest == null) {
                continue;
            }
            ServedModel previous = before.models().get(target);
            FileTime modified = modified(latest.resolve(ModelStore.MODEL_JSON));
            if (previous != null && previous.folder().equals(latest) && modified != null && modified.equals(seen.get(latest))) {
                models.put(target, previous);
                continue;
            }
            try {
                models.put(target, load(target, latest));
                seen.put(latest, modified);
                changed.add(target);
            } catch (RuntimeException | IOException e) {
                failures.put(target, "Cannot load the model of " + target + " from " + latest + ": " + e.getMessage()
                        + (previous != null ? "; version " + previous.version() + " stays in service" : ""));
                if (previous != null) {
                    models.put(target, previous);
                }
            }
        }
        current.set(new Snapshot(models, failures, true));
        return changed;
    }

    private ServedModel load(String target, Path folder) throws IOException {
        JsonNode description = JSON.readTree(folder.resolve(ModelStore.MODEL_JSON).toFile());
        if (!Files.isRegularFile(folder.resolve(ScorerFile.FILE))) {
            throw new IOException("it has no " + ScorerFile.FILE + " (trained before the local scorer existed?): train it again");
        }
        LocalScorer scorer = LocalScorer.load(folder);
        List<Field> fields = new ArrayList<>();
        description.path("features").forEach(node -> fields.add(Field.of(node)));
        Path card = folder.resolve(ModelStore.CARD);
        String text = Files.isRegularFile(card) ? Files.readString(card) : null;
        return new ServedModel(description.path("dataset").asText(), target, description.path("version").asText(folder.getFileName().toString()),
                folder, description, scorer, fields, text);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The visible sub-folders, by name (the hidden ones are versions being written or replaced). */
    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> stream = Files.list(folder)) {
            return stream.filter(Files::isDirectory).filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
