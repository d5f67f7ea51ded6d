package io.seams.example.library.catalog;

/** A book of the catalog, and how many copies the library owns. */
public record BookDetails(String isbn, String title, String author, int copies) {}
