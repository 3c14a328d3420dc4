package io.datapilot.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.text.Similarity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration into {@link PipelineConfig}, reporting every problem at once.
 *
 * <p>Binding never stops at the first problem: unknown keys, wrong types and bad enum values are
 * recorded with their YAML path and line, the value is skipped, and binding goes on. Then
 * {@link ConfigValidator} checks meaning (required keys, references, files). Relative paths are
 * resolved against {@code base_dir}, itself relative to the directory of the file.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /** Reads, binds and checks a configuration file; throws one error listing every problem. */
    public static PipelineConfig load(Path file) {
        ConfigProblems problems = new ConfigProblems(file.toString());
        PipelineConfig config = read(file, problems);
        problems.throwIfAny();
        return config;
    }

    /**
     * Reads, binds and checks a configuration file, adding problems to {@code problems} instead of
     * throwing, so that later checks (source files, column names) can add theirs to the same list.
     *
     * @return the configuration with resolved paths, or null when the file cannot be bound at all
     */
    public static PipelineConfig read(Path file, ConfigProblems problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot read configuration " + file
                    + ": the file does not exist. Pass an existing file with --config FILE"
                    + " (the default is conf/pipeline.yaml, relative to the current directory).");
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot read configuration " + file + ": "
                    + e.getMessage() + ". Check that the file is readable and UTF-8 encoded.");
        }
        return parse(text, file.toAbsolutePath().normalize().getParent(), problems);
    }

    /** Binds and checks a configuration text; {@code directory} anchors relative paths. */
    public static PipelineConfig parse(String text, Path directory, ConfigProblems problems) {
        problems.text(text);
        PipelineConfig config = bind(text, problems);
        if (config == null) {
            if (problems.isEmpty()) {
                problems.add("", "the file is empty; start from conf/pipeline.yaml or docs/CONFIG.md.");
            }
            return null;
        }
        PipelineConfig resolved = PathResolver.resolve(config, directory).withGeneratedBaseKey();
        ConfigValidator.validate(resolved, problems);
        return resolved;
    }

    private static PipelineConfig bind(String text, ConfigProblems problems) {
        ObjectMapper mapper = mapper(problems);
        try (Reader reader = new java.io.StringReader(text)) {
            return mapper.readValue(reader, PipelineConfig.class);
        } catch (JsonProcessingException e) {
            org.yaml.snakeyaml.error.MarkedYAMLException syntax = yamlSyntaxError(e);
            if (syntax != null) {
                int line = syntax.getProblemMark() == null ? 0 : syntax.getProblemMark().getLine() + 1;
                problems.add("", line, "this is not valid YAML: " + syntax.getProblem()
                        + ". Check the indentation and the quoting around that line.");
                return null;
            }
            if (!(e instanceof JsonMappingException mapping)) {
                JsonLocation location = e.getLocation();
                problems.add("", location == null ? 0 : location.getLineNr(),
                        "this is not valid YAML: " + e.getOriginalMessage().replace('\n', ' ')
                                + ". Check the indentation and the quoting around that line.");
                return null;
            }
            JsonLocation location = mapping.getLocation();
            problems.add(pathOf(mapping.getPath()), location == null ? 0 : location.getLineNr(),
                    "cannot read this value: " + mapping.getOriginalMessage());
            return null;
        } catch (IOException e) {
            problems.add("", "cannot read the file: " + e.getMessage());
            return null;
        }
    }

    private static org.yaml.snakeyaml.error.MarkedYAMLException yamlSyntaxError(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    static ObjectMapper mapper(ConfigProblems problems) {
        YAMLFactory yaml = YAMLFactory.builder().build();
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return JsonMapper.builder(yaml)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addHandler(new Collector(problems))
                .build();
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                appendField(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String pathOf(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext current = context; current != null && !current.inRoot(); current = current.getParent()) {
            chain.add(0, current);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext current : chain) {
            if (current.inArray()) {
                path.append('[').append(Math.max(current.getCurrentIndex(), 0)).append(']');
            } else if (current.inObject() && current.getCurrentName() != null) {
                appendField(path, current.getCurrentName());
            }
        }
        return path.toString();
    }

    private static void appendField(StringBuilder path, String name) {
        boolean plain = name.matches("[A-Za-z0-9_]+");
        if (plain) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(name);
        } else {
            path.append("[\"").append(name).append("\"]");
        }
    }

    /** Records binding problems and lets binding continue. */
    private static final class Collector extends DeserializationProblemHandler {
        private final ConfigProblems problems;

        Collector(ConfigProblems problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            Collection<Object> known = deserializer.getKnownPropertyNames();
            List<String> names = known == null ? List.of()
                    : known.stream().map(Object::toString).sorted().toList();
            problems.add(pathOf(parser.getParsingContext()), line(parser),
                    "unknown key \"" + propertyName + "\"; " + Similarity.suggestion(propertyName, names)
                            + "known keys here: " + String.join(", ", names) + ".");
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType,
                String value, String failureMessage) {
            JsonParser parser = context.getParser();
            String expected = expected(targetType);
            problems.add(pathOf(parser.getParsingContext()), line(parser),
                    "\"" + value + "\" is not valid here: expected " + expected + "."
                            + enumSuggestion(targetType, value));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType,
                Number value, String failureMessage) {
            JsonParser parser = context.getParser();
            problems.add(pathOf(parser.getParsingContext()), line(parser),
                    value + " is not valid here: expected " + expected(targetType) + ".");
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType,
                JsonToken token, JsonParser parser, String failureMessage) throws IOException {
            problems.add(pathOf(parser.getParsingContext()), line(parser),
                    "expected " + expected(targetType) + " but found " + found(token) + ".");
            parser.skipChildren();
            return null;
        }

        private static int line(JsonParser parser) {
            JsonLocation location = parser.currentTokenLocation();
            if (location == null || location.getLineNr() <= 0) {
                location = parser.currentLocation();
            }
            return location == null ? 0 : Math.max(location.getLineNr(), 0);
        }

        private static String enumSuggestion(Class<?> type, String value) {
            if (!type.isEnum()) {
                return "";
            }
            List<String> names = enumNames(type);
            String hint = Similarity.suggestion(value, names);
            return hint.isEmpty() ? "" : " " + Character.toUpperCase(hint.charAt(0)) + hint.substring(1).trim();
        }

        private static List<String> enumNames(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
                    .toList();
        }

        private static String expected(JavaType type) {
            if (type.isCollectionLikeType() || type.isArrayType()) {
                return "a list (- item, or [a, b])";
            }
            if (type.isMapLikeType()) {
                return "a mapping (key: value)";
            }
            return expected(type.getRawClass());
        }

        private static String expected(Class<?> type) {
            if (type.isEnum()) {
                return "one of " + String.join(", ", enumNames(type));
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
                return "a whole number";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class) {
                return "a number";
            }
            if (type == String.class) {
                return "a text value";
            }
            if (type.isRecord()) {
                return "a section of keys (" + Arrays.stream(type.getRecordComponents())
                        .map(component -> PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE
                                .translate(component.getName()))
                        .collect(Collectors.joining(", ")) + ")";
            }
            return "a " + type.getSimpleName();
        }

        private static String found(JsonToken token) {
            if (token == null) {
                return "nothing";
            }
            return switch (token) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "a mapping";
                case VALUE_STRING -> "a text value";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true/false";
                case VALUE_NULL -> "an empty value";
                default -> token.asString() == null ? token.name() : token.asString();
            };
        }
    }
}
