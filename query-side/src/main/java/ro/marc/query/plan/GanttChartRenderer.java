package ro.marc.query.plan;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.GanttRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.gantt.Task;
import org.jfree.data.gantt.TaskSeries;
import org.jfree.data.gantt.TaskSeriesCollection;

import java.awt.*;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DateFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Renders a {@link Gantt} as a PNG with JFreeChart's Gantt chart: one row per stage (dark) and per standard
 * activity (light), over the chosen period, the time axis ticked at the chosen scale (Romanian labels), and
 * today's date marked when it falls inside the period. Dates are whole days (UTC), a bar running to the end
 * of its last day.
 */
public final class GanttChartRenderer {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final Locale ROMANIAN = Locale.forLanguageTag("ro-RO");
    private static final Color STAGE = new Color(0x1F, 0x4E, 0x79);
    private static final Color ACTIVITY = new Color(0x5B, 0x9B, 0xD5);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int WIDTH = 1400;
    private static final int ROW_HEIGHT = 26;

    private GanttChartRenderer() {
    }

    public static byte[] png(String title, Gantt gantt, LocalDate today) {
        JFreeChart chart = chart(title, gantt, today);
        int height = 170 + ROW_HEIGHT * Math.max(1, gantt.bars().size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same chart as SVG (JFreeSVG): scales without blurring, for printing and for zooming in a browser. */
    public static String svg(String title, Gantt gantt, LocalDate today) {
        JFreeChart chart = chart(title, gantt, today);
        int height = 170 + ROW_HEIGHT * Math.max(1, gantt.bars().size());
        org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(WIDTH, height);
        chart.draw(svg, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, height));
        return svg.getSVGDocument();
    }

    static JFreeChart chart(String title, Gantt gantt, LocalDate today) {
        TaskSeries series = new TaskSeries("Plan");
        List<Gantt.Bar> bars = gantt.bars();
        for (Gantt.Bar bar : bars) {
            String label = bar.kind() == Gantt.BarKind.STAGE ? bar.label() : "    " + bar.label();
            series.add(new Task(label, date(bar.shownStart()), date(bar.shownEnd().plusDays(1))));
        }
        TaskSeriesCollection data = new TaskSeriesCollection();
        data.add(series);
        JFreeChart chart = ChartFactory.createGanttChart(title, null, null, data, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("Perioada " + gantt.from().format(DATE) + " – " + gantt.to().format(DATE)
                + " · scara: " + scaleName(gantt.scale()), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        categories.setMaximumCategoryLabelLines(2);
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));

        DateAxis axis = (DateAxis) plot.getRangeAxis();
        axis.setTimeZone(UTC);
        axis.setRange(date(gantt.from()), date(gantt.to().plusDays(1)));
        axis.setTickUnit(tickUnit(gantt.scale()));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        if (gantt.scale() == GanttScale.DAYS || gantt.scale() == GanttScale.WEEKS) {
            axis.setVerticalTickLabels(true);
        }

        GanttRenderer renderer = new GanttRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return bars.get(column).kind() == Gantt.BarKind.STAGE ? STAGE : ACTIVITY;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.8);
        plot.setRenderer(renderer);

        if (today != null && !today.isBefore(gantt.from()) && !today.isAfter(gantt.to())) {
            ValueMarker marker = new ValueMarker(date(today).getTime(), new Color(0xC0, 0x00, 0x00), new BasicStroke(2f));
            marker.setLabel("Azi, " + today.format(DATE));
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            marker.setLabelPaint(new Color(0xC0, 0x00, 0x00));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addRangeMarker(marker);
        }
        return chart;
    }

    private static DateTickUnit tickUnit(GanttScale scale) {
        return switch (scale) {
            case DAYS -> new DateTickUnit(DateTickUnitType.DAY, 1, format("dd.MM"));
            case WEEKS -> new DateTickUnit(DateTickUnitType.DAY, 7, format("dd.MM"));
            case MONTHS -> new DateTickUnit(DateTickUnitType.MONTH, 1, format("MMM yyyy"));
            case YEAR -> new DateTickUnit(DateTickUnitType.YEAR, 1, format("yyyy"));
        };
    }

    private static SimpleDateFormat format(String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, DateFormatSymbols.getInstance(ROMANIAN));
        format.setTimeZone(UTC);
        return format;
    }

    private static String scaleName(GanttScale scale) {
        return switch (scale) {
            case DAYS -> "zile";
            case WEEKS -> "săptămâni";
            case MONTHS -> "luni";
            case YEAR -> "ani";
        };
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
