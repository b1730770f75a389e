package io.rnnbench.benchmarks.cli;

import io.rnnbench.workloads.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss curve of a {@link Train} run: per-step loss (light) and the seeds' smoothed loss (dark) against the step,
 * as a PNG drawn headless with XChart (the report's chart library, {@code report.Charts}) and written atomically
 * ({@link AtomicFiles}). At most about {@value #MAX_POINTS} points are kept: every k-th step for a long run.
 */
final class LossCurveChart {
    static final int MAX_POINTS = 4000;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private final String title;
    private final long every;
    private final List<Double> steps = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> smoothed = new ArrayList<>();

    /** @param plannedSteps how many steps will be recorded (to choose k) */
    LossCurveChart(String title, long plannedSteps) {
        this.title = title;
        this.every = Math.max(1, (plannedSteps + MAX_POINTS - 1) / MAX_POINTS);
    }

    /** Keeps the point when {@code step} is a multiple of k. */
    void record(long step, double loss, double smoothedLoss) {
        if (step % every == 0) {
            steps.add((double) step);
            losses.add(loss);
            smoothed.add(smoothedLoss);
        }
    }

    int points() {
        return steps.size();
    }

    /** The PNG bytes. */
    byte[] png() throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("step")
                .yAxisTitle("loss").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        List<Double> x = steps.isEmpty() ? List.of(0.0) : steps;
        XYSeries raw = chart.addSeries("loss" + (every > 1 ? " (every " + every + "th step)" : ""), x,
                losses.isEmpty() ? List.of(0.0) : losses);
        raw.setLineColor(new Color(160, 190, 230));
        raw.setMarker(SeriesMarkers.NONE);
        XYSeries smooth = chart.addSeries("smoothed loss (0.999·L + 0.001·l)", x, smoothed.isEmpty() ? List.of(0.0) : smoothed);
        smooth.setLineColor(new Color(20, 60, 140));
        smooth.setMarker(SeriesMarkers.NONE);
        // XChart puts tick labels only on data points when every x is equally spaced, and its fit test lets 4-digit
        // labels touch ("1,0511,2011,351…"); one invisible point half a step past the end makes the x values
        // unequally spaced, so that the axis gets round-number ticks that fit.
        double last = x.get(x.size() - 1);
        XYSeries anchor = chart.addSeries("axis", List.of(last + 0.5 * every), List.of(smoothed.isEmpty() ? 0.0 : smoothed.get(smoothed.size() - 1)));
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setLineStyle(SeriesLines.NONE);
        anchor.setShowInLegend(false);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Writes the PNG to {@code file}, whole or not at all. */
    void write(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        AtomicFiles.write(file, png());
    }
}
