# Sourced by the scripts that start a JVM running Spark: the java binary and the flags Spark 3.5
# needs on Java 17 (spark-submit adds the same list itself).
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
add_opens=()
for package in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  add_opens+=("--add-opens=java.base/$package=ALL-UNNAMED")
done
