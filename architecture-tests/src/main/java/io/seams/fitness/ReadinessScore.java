package io.seams.fitness;

import java.util.Comparator;
import java.util.List;

/**
 * One module's extraction readiness: a score from 0 to 100, its band, the hard gates it breaks and
 * the weighted dimensions the score is made of, each with the deductions that lowered it and where
 * they are. {@link Readiness} computes it; docs/migration.md explains it.
 *
 * @param module the module's name
 * @param score 0 to 100; 0 when a gate breaks
 * @param band what the score means
 * @param gates the hard gates the module breaks: any one blocks its extraction
 * @param dimensions the weighted dimensions, in the order {@link Readiness.Dimension} lists them
 */
public record ReadinessScore(String module, int score, Band band, List<Gate> gates, List<Dimension> dimensions) {

    public ReadinessScore {
        gates = List.copyOf(gates);
        dimensions = List.copyOf(dimensions);
    }

    /** What a score means for extracting the module. */
    public enum Band {
        /** Score at or above the "ready" bound (80): it can move out as it is. */
        READY,
        /** Between the two bounds (60 to 79): it can move out after the listed work. */
        EXTRACTABLE,
        /** Below the "extractable" bound (60): untangle it first. */
        ENTANGLED,
        /** A hard gate breaks: it cannot move out until that is fixed, whatever the rest. */
        BLOCKED
    }

    /**
     * Where something is: a source file (relative to the build's folder) and line, or a class.
     *
     * @param file the file, such as {@code src/main/java/com/example/orders/Checkout.java}
     * @param line the line, from 1; 0 when unknown
     */
    public record Location(String file, int line) {

        static final Location NOWHERE = new Location("", 0);

        @Override
        public String toString() {
            return file.isEmpty() ? "" : line > 0 ? file + ":" + line : file;
        }
    }

    /**
     * A hard gate the module breaks.
     *
     * @param gate the gate's id: {@code sync-cycle}, {@code api-bypass}, {@code foreign-data} or {@code
     *     entity-crossing}
     * @param cause what breaks it, without the location (the key the baseline compares)
     * @param location where
     */
    public record Gate(String gate, String cause, Location location) {

        @Override
        public String toString() {
            return gate + ": " + cause + (location.file().isEmpty() ? "" : " (" + location + ")");
        }
    }

    /**
     * One reason a dimension is below 1.
     *
     * @param cause what, without the location (the key the baseline compares)
     * @param location where, if it is somewhere in the code
     * @param amount how much it takes off the dimension's value (0 to 1)
     */
    public record Deduction(String cause, Location location, double amount) {

        @Override
        public String toString() {
            return cause + (location.file().isEmpty() ? "" : " (" + location + ")");
        }
    }

    /**
     * One weighted dimension of the score.
     *
     * @param id its id, used in {@code fitness.readiness.weight.<id>}
     * @param weight its weight in the score (0 leaves it out)
     * @param value 0 to 1: 1 minus its deductions, never below 0
     * @param deductions what lowered it, largest first
     * @param note what it measured, or why it was skipped
     * @param skipped whether it could not be measured here (no git history): it then does not count
     */
    public record Dimension(
            String id, double weight, double value, List<Deduction> deductions, String note, boolean skipped) {

        public Dimension {
            deductions = deductions.stream()
                    .sorted(Comparator.comparingDouble(Deduction::amount).reversed())
                    .toList();
        }

        /** Points of the score this dimension costs: its weight times what it lacks, out of the total weight. */
        double loss(double totalWeight) {
            return skipped || totalWeight == 0 ? 0 : 100 * weight * (1 - value) / totalWeight;
        }
    }

    /** The dimension with this id. */
    public Dimension dimension(String id) {
        return dimensions.stream()
                .filter(dimension -> dimension.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dimension " + id));
    }

    /** The deductions that cost the most points, with their dimension: what to work on first. */
    public List<String> topDeductions(int count) {
        var total = dimensions.stream()
                .filter(dimension -> !dimension.skipped())
                .mapToDouble(Dimension::weight)
                .sum();
        if (band == Band.BLOCKED) {
            return gates.stream().limit(count).map(Gate::toString).toList();
        }
        return dimensions.stream()
                .filter(dimension ->
                        dimension.loss(total) >= 0.5 && !dimension.deductions().isEmpty())
                .sorted(Comparator.comparingDouble((Dimension dimension) -> dimension.loss(total))
                        .reversed())
                .limit(count)
                .map(dimension -> "%s −%d: %s"
                        .formatted(
                                dimension.id(),
                                Math.round(dimension.loss(total)),
                                dimension.deductions().size() > 1
                                                && !dimension.note().isEmpty()
                                        ? dimension.note()
                                        : dimension.deductions().get(0).cause()))
                .toList();
    }
}
