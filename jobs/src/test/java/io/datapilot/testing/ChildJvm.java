package io.datapilot.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code datapilot} command in a JVM of its own, with the test JVM's class path and module openings. */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * {@code java [--add-opens…] -Xmx1g [-D<setting>…] -cp <test class path> io.datapilot.Datapilot <arguments>}.
     *
     * @param systemProperties {@code key=value} settings given as {@code -D}, as spark-submit's {@code --conf} gives them
     */
    public static List<String> datapilot(List<String> systemProperties, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(argument -> argument.startsWith("--add-opens"))
                .forEach(command::add);
        command.add("-Xmx1g");
        systemProperties.forEach(setting -> command.add("-D" + setting));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.datapilot.Datapilot");
        command.addAll(arguments);
        return command;
    }
}
