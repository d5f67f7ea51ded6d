package io.seams.benchmark;

import java.util.List;
import java.util.Locale;

/** Line charts as SVG, written by hand: a few series of points, linear x, linear or logarithmic y. */
final class Charts {

    /** One point of a series. */
    record Point(double x, double y) {}

    /**
     * One line of a chart.
     *
     * @param name what the legend says
     * @param colour its stroke colour
     * @param dash its SVG dash pattern ({@code "6 4"}), empty for a solid line
     * @param points its points, drawn in this order
     */
    record Series(String name, String colour, String dash, List<Point> points) {}

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 210;
    private static final int TOP = 40;
    private static final int BOTTOM = 55;

    private Charts() {}

    /** A chart of {@code series}; with {@code logarithmic} the y axis goes in powers of ten. */
    static String lines(String title, String xLabel, String yLabel, boolean logarithmic, List<Series> series) {
        var points = series.stream().flatMap(s -> s.points().stream()).toList();
        var maxX = niceCeiling(points.stream().mapToDouble(Point::x).max().orElse(1));
        double minY;
        double maxY;
        if (logarithmic) {
            minY = Math.pow(
                    10,
                    Math.floor(Math.log10(points.stream()
                            .mapToDouble(Point::y)
                            .filter(y -> y > 0)
                            .min()
                            .orElse(1))));
            maxY = Math.pow(
                    10,
                    Math.ceil(Math.log10(
                            points.stream().mapToDouble(Point::y).max().orElse(10))));
            if (maxY <= minY) {
                maxY = minY * 10;
            }
        } else {
            minY = 0;
            maxY = niceCeiling(points.stream().mapToDouble(Point::y).max().orElse(1));
        }
        var plotWidth = WIDTH - LEFT - RIGHT;
        var plotHeight = HEIGHT - TOP - BOTTOM;
        var svg = new StringBuilder();
        svg.append(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(format(
                "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        // Grid and ticks
        for (int i = 0; i <= 5; i++) {
            var x = maxX * i / 5;
            var px = LEFT + plotWidth * i / 5.0;
            svg.append(format(
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e5e5e5\"/>%n",
                    px, TOP, px, TOP + plotHeight));
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, TOP + plotHeight + 18, label(x)));
        }
        var yTicks = logarithmic ? (int) Math.round(Math.log10(maxY / minY)) : 5;
        for (int i = 0; i <= yTicks; i++) {
            var y = logarithmic ? minY * Math.pow(10, i) : maxY * i / 5;
            var py = TOP + plotHeight - plotHeight * i / (double) yTicks;
            svg.append(format(
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n",
                    LEFT, py, LEFT + plotWidth, py));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, py + 4, label(y)));
        }
        svg.append(format(
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#555\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        svg.append(format(
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2.0, HEIGHT - 12, escape(xLabel)));
        svg.append(format(
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                TOP + plotHeight / 2.0, TOP + plotHeight / 2.0, escape(yLabel)));
        // Series and legend
        for (int s = 0; s < series.size(); s++) {
            var line = series.get(s);
            var path = new StringBuilder();
            for (var point : line.points()) {
                var px = LEFT + plotWidth * point.x() / maxX;
                var py = TOP + plotHeight - plotHeight * fraction(point.y(), minY, maxY, logarithmic);
                path.append(path.length() == 0 ? "" : " ").append(format("%.1f,%.1f", px, py));
                svg.append(format(
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s, %s</title></circle>%n",
                        px, py, line.colour(), escape(line.name()), label(point.x()), label(point.y())));
            }
            svg.append(format(
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    path, line.colour(), dash(line)));
            var ly = TOP + 10 + s * 20;
            var lx = WIDTH - RIGHT + 15;
            svg.append(format(
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    lx, ly, lx + 24, ly, line.colour(), dash(line)));
            svg.append(format("<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 30, ly + 4, escape(line.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String dash(Series line) {
        return line.dash().isEmpty() ? "" : " stroke-dasharray=\"" + line.dash() + "\"";
    }

    private static double fraction(double y, double minY, double maxY, boolean logarithmic) {
        if (logarithmic) {
            var clamped = Math.max(minY, y);
            return Math.log10(clamped / minY) / Math.log10(maxY / minY);
        }
        return (y - minY) / (maxY - minY);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        var power = Math.pow(10, Math.floor(Math.log10(value)));
        for (var step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return value < 1 ? format("%.3g", value) : format("%.1f", value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
