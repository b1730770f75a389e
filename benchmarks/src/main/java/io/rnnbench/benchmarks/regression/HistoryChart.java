package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.stats.ChangePoints.ChangePoint;
import io.rnnbench.benchmarks.stats.RankStatistics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One series of a {@link HistoryReport} as a PNG: the score of every kept run (dots) and, as a step line, the
 * median level between change points, so that each step is where the line jumps. The x axis counts kept runs; the
 * change points' labels are in the title and in the report's table.
 */
final class HistoryChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private HistoryChart() {
    }

    static byte[] png(HistoryReport.Series series) throws IOException {
        List<String> steps = series.changes().stream()
                .map(c -> "`" + series.labels().get(c.index()) + "` " + String.format(java.util.Locale.ROOT, "%.2f×", c.ratio()))
                .toList();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(series.key() + (steps.isEmpty() ? "" : "\nsteps at " + String.join(", ", steps)).replace('`', '\''))
                .xAxisTitle("kept run").yAxisTitle(series.unit()).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setXAxisMaxLabelCount(12);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < series.scores().length; i++) {
            x.add((double) (i + 1));
            y.add(series.scores()[i]);
        }
        XYSeries runs = chart.addSeries("score per kept run", x, y);
        runs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        runs.setMarker(SeriesMarkers.CIRCLE);
        runs.setMarkerColor(new Color(70, 110, 180));
        XYSeries levels = chart.addSeries("level between change points (median)", x, levels(series));
        levels.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        levels.setMarker(SeriesMarkers.NONE);
        levels.setLineColor(new Color(200, 60, 40));
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Per run, the median of the level it belongs to. */
    private static List<Double> levels(HistoryReport.Series series) {
        double[] scores = series.scores();
        List<Integer> cuts = new ArrayList<>(List.of(0));
        series.changes().stream().map(ChangePoint::index).sorted().forEach(cuts::add);
        cuts.add(scores.length);
        List<Double> out = new ArrayList<>();
        for (int c = 0; c + 1 < cuts.size(); c++) {
            double median = RankStatistics.median(Arrays.copyOfRange(scores, cuts.get(c), cuts.get(c + 1)));
            for (int i = cuts.get(c); i < cuts.get(c + 1); i++) {
                out.add(median);
            }
        }
        return out;
    }
}
