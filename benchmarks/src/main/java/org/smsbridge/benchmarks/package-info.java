/**
 * JMH benchmarks that compare SMS Bridge with peer libraries in the same run. Build with
 * {@code mvn -B -pl benchmarks -am package -DskipTests} and run {@code java -jar benchmarks/target/benchmarks.jar}.
 * Never a dependency of the library.
 */
package org.smsbridge.benchmarks;
