package io.datapilot.ml;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.tuning.ParamGridBuilder;

/**
 * A model's parameter grid from the configuration: {@code train.grids.<model>.<param>} (snake_case,
 * as {@code reg_param}) mapped to the estimator's Spark parameter ({@code regParam}), each value
 * converted to the parameter's type. Parameters the configuration leaves out keep the default grid.
 * The perceptron's {@code layers} lists the hidden layers only; the input and output sizes are added.
 */
final class Grids {
    private Grids() {}

    /** One combination of a grid, in the configuration's words and in Spark's. */
    record Combination(Map<String, Object> values, ParamMap params) {
        String text() {
            StringBuilder text = new StringBuilder();
            values.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(value));
            return text.toString();
        }
    }

    static Map<String, List<Object>> grid(ModelKind kind, Map<String, Map<String, List<Object>>> configured) {
        Map<String, List<Object>> grid = new LinkedHashMap<>(kind.defaultGrid());
        grid.putAll(configured.getOrDefault(kind.key(), Map.of()));
        return grid;
    }

    static List<Combination> combinations(ModelKind kind, Params estimator, Map<String, List<Object>> grid, int inputs, int classes) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> entry : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object value : entry.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(partial);
                    extended.put(entry.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        List<Combination> result = new ArrayList<>();
        for (Map<String, Object> values : combinations) {
            ParamMap params = new ParamMap();
            values.forEach((name, value) -> put(kind, estimator, params, name, value, inputs, classes));
            result.add(new Combination(values, params));
        }
        return result;
    }

    /** {@code reg_param} → {@code regParam}. */
    static String camel(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    @SuppressWarnings("unchecked")
    private static void put(ModelKind kind, Params estimator, ParamMap params, String name, Object value, int inputs, int classes) {
        String at = "train.grids." + kind.key() + "." + name;
        String sparkName = camel(name);
        if (!estimator.hasParam(sparkName)) {
            List<String> names = Arrays.stream(estimator.params()).map(Param::name)
                    .filter(param -> !param.endsWith("Col") && !param.equals("seed")).map(io.datapilot.core.text.Names::snake).sorted().toList();
            throw new DatapilotException(ErrorKind.CONFIG, at + ": " + kind.key() + " has no parameter " + name + "; "
                    + io.datapilot.core.text.Similarity.suggestion(name, names) + "its parameters are: " + String.join(", ", names) + ".");
        }
        Param<?> param = estimator.getParam(sparkName);
        try {
            if (param instanceof IntArrayParam layers) {
                List<Object> hidden = value instanceof List<?> list ? (List<Object>) list : List.of(value);
                int[] sizes = new int[hidden.size() + 2];
                sizes[0] = inputs;
                for (int i = 0; i < hidden.size(); i++) {
                    sizes[i + 1] = ((Number) hidden.get(i)).intValue();
                }
                sizes[sizes.length - 1] = classes;
                params.put(layers.w(sizes));
            } else if (param instanceof IntParam integer) {
                params.put(integer.w(whole(value)));
            } else if (param instanceof LongParam longParam) {
                params.put(longParam.w((long) whole(value)));
            } else if (param instanceof DoubleParam real) {
                params.put(real.w(((Number) value).doubleValue()));
            } else if (param instanceof BooleanParam bool) {
                params.put(bool.w((Boolean) value));
            } else {
                params.put(((Param<String>) param).w(String.valueOf(value)));
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new DatapilotException(ErrorKind.CONFIG, at + ": " + value + " is not a valid value of " + name + " ("
                    + firstLine(e.getMessage()) + "). Give a list of values of the parameter's type, as [0.01, 0.1].");
        }
    }

    private static int whole(Object value) {
        Number number = (Number) value;
        if (number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("a whole number is expected");
        }
        return number.intValue();
    }


    private static String firstLine(String message) {
        if (message == null) {
            return "wrong type";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
