/**
 * From JMH's JSON to advice: parsing (including JMH's {@code "NaN"} strings), ranking with the 99.9%-interval
 * noise rule, the Markdown report, the PNG charts and the console summary. All files are written atomically.
 */
package io.rnnbench.benchmarks.report;
