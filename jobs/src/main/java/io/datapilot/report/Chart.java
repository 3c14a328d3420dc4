package io.datapilot.report;

import io.datapilot.core.report.Table;

/**
 * A chart of the report: its SVG (with {@code role="img"}, a title and a description), and the data
 * it shows as a table, given next to it for people who cannot see the picture.
 *
 * @param id file name without extension and HTML id
 * @param svg the SVG element, standalone (it can be inlined in HTML or saved as a file)
 */
public record Chart(String id, String title, String description, String svg, Table data) {}
