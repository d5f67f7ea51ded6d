/**
 * Seams' architecture fitness rules as a library: {@link io.seams.fitness.Fitness} runs them all on
 * one Spring Modulith application, and each rule family can be used on its own. Nothing here takes
 * or answers {@code null} unless it says {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.seams.fitness;

import org.jspecify.annotations.NullMarked;
