package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.rnn.Suite;
import io.rnnbench.benchmarks.shape.Shape;
import io.rnnbench.core.model.CellType;
import io.rnnbench.workloads.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
 * per operation by cell (RNN, LSTM) and backend on a logarithmic axis, with the interval of the median over forks as error
 * bars, and one legend for the whole figure below the panels (every name in full; a backend has one colour
 * everywhere). Drawn headless with XChart.
 */
public final class Charts {
    private static final int PANEL_WIDTH = 640;
    private static final int PANEL_HEIGHT = 420;
    private static final List<CellType> CELLS = List.of(CellType.RNN, CellType.LSTM);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Distinct colours for up to 12 backends (then they repeat). */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(57, 59, 121), new Color(173, 73, 74)};

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

    /** The PNG bytes of one shape's chart: the panels in a 2 × 2 grid, and one legend below them for all. */
    static byte[] png(Report report, Shape shape) throws IOException {
        List<String> backends = report.distinct(Measurement::backend).stream().sorted().toList();
        List<BufferedImage> panels = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            CategoryChart chart = panel(report, shape, suite, backends);
            if (chart != null) {
                panels.add(BitmapEncoder.getBufferedImage(chart));
            }
        }
        int columns = Math.min(2, panels.size());
        int rows = (panels.size() + 1) / 2;
        int width = columns * PANEL_WIDTH;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        measure.setFont(LEGEND_FONT);
        int legendHeight = Legend.height(measure, backends, width);
        measure.dispose();
        BufferedImage grid = new BufferedImage(width, rows * PANEL_HEIGHT + legendHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), (i % 2) * PANEL_WIDTH, (i / 2) * PANEL_HEIGHT, null);
        }
        g.setFont(LEGEND_FONT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Legend.draw(g, backends, width, rows * PANEL_HEIGHT);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(grid, "png", out);
        return out.toByteArray();
    }

    /** A backend's colour: the same in every panel and in the legend. */
    static Color color(List<String> backends, String backend) {
        return PALETTE[backends.indexOf(backend) % PALETTE.length];
    }

    /**
     * One suite's panel, or null when the run did not measure the suite for this shape: time per operation on a
     * logarithmic axis (backends 1.2× and 15× apart both stay readable), the backends that ran this suite only.
     */
    private static CategoryChart panel(Report report, Shape shape, Suite suite, List<String> allBackends) {
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
        // Times are drawn as log10 of the time in the fastest's unit: XChart draws error bars on a
        // linear scale only, so the axis is linear in log10(t), labelled in t, and each interval is drawn as the
        // larger of its two halves in log10 (never narrower than the real one).
        double fastest = rankings.stream().flatMap(r -> r.entries().stream()).mapToDouble(e -> e.measurement().seconds())
                .min().orElse(1);
        double scale = fastest >= 1 ? 1 : fastest >= 1e-3 ? 1e3 : 1e6; // seconds → s, ms or µs
        String unit = scale == 1 ? "s" : scale == 1e3 ? "ms" : "µs";
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title("`" + shape.name() + "` " + suite.title() + " (lower is better; log scale)")
                .xAxisTitle("cell").yAxisTitle(unit + " per operation").build();
        chart.getStyler().setLegendVisible(false); // one legend for the figure, below the panels
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        // bars from a power of ten at least half a decade below the fastest, so that its bar is never a sliver
        chart.getStyler().setYAxisMin(Math.floor(Math.log10(fastest * scale) - 0.5));
        chart.setCustomYAxisTickLabelsFormatter(exponent -> TimeUnits.significant(Math.pow(10, exponent)));
        List<String> categories = rankings.stream().map(r -> r.cell().name()).toList();
        Set<String> measured = new LinkedHashSet<>();
        rankings.forEach(r -> r.entries().forEach(e -> measured.add(e.measurement().backend())));
        for (String backend : allBackends) {
            if (!measured.contains(backend)) {
                continue;
            }
            List<Double> logTimes = new ArrayList<>();
            List<Double> logErrors = new ArrayList<>();
            for (Ranking r : rankings) {
                Measurement m = r.entries().stream().map(Standing::measurement)
                        .filter(x -> x.backend().equals(backend)).findFirst().orElse(null);
                if (m == null) { // not measured for this cell: no bar
                    logTimes.add(null);
                    logErrors.add(null);
                    continue;
                }
                double t = m.seconds() * scale;
                double up = Math.log10(m.highSeconds() * scale) - Math.log10(t);
                double down = Math.log10(t) - Math.log10(Math.max(m.lowSeconds() * scale, 0.01 * t)); // a log axis has no zero
                logTimes.add(Math.log10(t));
                logErrors.add(Math.max(up, down));
            }
            chart.addSeries(backend, categories, logTimes, logErrors).setFillColor(color(allBackends, backend));
        }
        return chart;
    }

    /** The figure's one legend: a colour box and the full name of each backend, in rows that wrap at the width. */
    private static final class Legend {
        private static final int BOX = 14;
        private static final int GAP = 24;
        private static final int MARGIN = 16;

        static int height(Graphics2D g, List<String> backends, int width) {
            return MARGIN + rows(g, backends, width) * (BOX + 10) + MARGIN;
        }

        private static int rows(Graphics2D g, List<String> backends, int width) {
            int rows = 1;
            int x = MARGIN;
            for (String b : backends) {
                int w = BOX + 6 + g.getFontMetrics().stringWidth(b) + GAP;
                if (x + w > width - MARGIN && x > MARGIN) {
                    rows++;
                    x = MARGIN;
                }
                x += w;
            }
            return rows;
        }

        static void draw(Graphics2D g, List<String> backends, int width, int top) {
            int x = MARGIN;
            int y = top + MARGIN;
            for (String b : backends) {
                int w = BOX + 6 + g.getFontMetrics().stringWidth(b) + GAP;
                if (x + w > width - MARGIN && x > MARGIN) {
                    x = MARGIN;
                    y += BOX + 10;
                }
                g.setColor(color(backends, b));
                g.fillRect(x, y, BOX, BOX);
                g.setColor(Color.DARK_GRAY);
                g.drawString(b, x + BOX + 6, y + BOX - 2);
                x += w;
            }
        }
    }
}
