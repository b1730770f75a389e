package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.workloads.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * One PNG per shape ({@code charts/<shape>.png}): a 2 × 2 grid with a panel per suite, each a bar chart of time
 * per operation by cell (RNN, LSTM) and backend, with the 99.9% confidence interval as error bars. Drawn headless
 * with XChart.
 */
public final class Charts {
    private static final int PANEL_WIDTH = 640;
    private static final int PANEL_HEIGHT = 420;
    private static final List<CellType> CELLS = List.of(CellType.RNN, CellType.LSTM);

    private Charts() {
    }

    /** The chart's path relative to the report: {@code charts/<shape>.png}. */
    public static String fileName(Shape shape) {
        return "charts/" + shape.name() + ".png";
    }

    /**
     * Writes one chart per shape of {@code report} under {@code reportDir}, and removes the charts of shapes that
     * this report does not have (left by an earlier run), so the directory matches the report.
     *
     * @return the names of the shapes charted
     */
    public static Set<String> write(Report report, Path reportDir) throws IOException {
        Set<String> written = new LinkedHashSet<>();
        for (Shape shape : report.rankings().keySet()) {
            AtomicFiles.write(reportDir.resolve(fileName(shape)), png(report, shape));
            written.add(shape.name());
        }
        Path chartDir = reportDir.resolve(fileName(Shape.CHAR)).getParent();
        if (!Files.isDirectory(chartDir)) { // a run without RNN suites (time to quality only) draws no chart
            return written;
        }
        try (Stream<Path> charts = Files.list(chartDir)) {
            for (Path stale : charts.filter(f -> f.toString().endsWith(".png")
                    && !written.contains(f.getFileName().toString().replaceFirst("\\.png$", ""))).toList()) {
                Files.delete(stale);
            }
        }
        return written;
    }

    /** The PNG bytes of one shape's chart. */
    static byte[] png(Report report, Shape shape) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            CategoryChart chart = panel(report, shape, suite);
            if (chart != null) {
                panels.add(BitmapEncoder.getBufferedImage(chart));
            }
        }
        int columns = Math.min(2, panels.size());
        int rows = (panels.size() + 1) / 2;
        BufferedImage grid = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), (i % 2) * PANEL_WIDTH, (i / 2) * PANEL_HEIGHT, null);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(grid, "png", out);
        return out.toByteArray();
    }

    /** One suite's panel, or null when the run did not measure the suite for this shape. */
    private static CategoryChart panel(Report report, Shape shape, Suite suite) {
        List<Ranking> rankings = new ArrayList<>();
        for (CellType cell : CELLS) {
            Ranking r = report.ranking(shape, cell, suite);
            if (r != null) {
                rankings.add(r);
            }
        }
        if (rankings.isEmpty()) {
            return null;
        }
        double slowest = rankings.stream().flatMap(r -> r.entries().stream()).mapToDouble(e -> e.measurement().seconds())
                .max().orElse(1);
        double scale = slowest >= 1 ? 1 : slowest >= 1e-3 ? 1e3 : 1e6; // seconds → s, ms or µs
        String unit = scale == 1 ? "s" : scale == 1e3 ? "ms" : "µs";
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title("`" + shape.name() + "` " + suite.title() + " (lower is better)")
                .xAxisTitle("cell").yAxisTitle(unit + " per operation").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot: never over a bar
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setYAxisMin(0.0);
        List<String> categories = rankings.stream().map(r -> r.cell().name()).toList();
        for (String backend : report.distinct(Measurement::backend).stream().sorted().toList()) {
            List<Double> times = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (Ranking r : rankings) {
                Measurement m = r.entries().stream().map(Ranking.Entry::measurement)
                        .filter(x -> x.backend().equals(backend)).findFirst().orElse(null);
                times.add(m == null ? 0.0 : m.seconds() * scale);
                errors.add(m == null || !m.hasError() ? 0.0 : m.errorSeconds() * scale);
            }
            chart.addSeries(backend, categories, times, errors);
        }
        return chart;
    }
}
