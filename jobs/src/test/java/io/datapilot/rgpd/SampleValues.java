package io.datapilot.rgpd;

import io.datapilot.core.text.Names;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The sample's customer workbook as text columns, read with POI, independently of Spark. */
public final class SampleValues {
    private SampleValues() {}

    public static Map<String, List<String>> customers() throws IOException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(Paths.root().resolve("data/sample/clients.xlsx"));
                Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Clients");
            Row header = sheet.getRow(3);
            List<String> names = new ArrayList<>();
            Map<String, io.datapilot.core.config.ColumnConfig> declared = io.datapilot.core.config.ConfigLoader
                    .load(Paths.root().resolve("conf/pipeline.yaml")).source("clients").columns();
            for (Cell cell : header) {
                String original = cell.getStringCellValue();
                io.datapilot.core.config.ColumnConfig column = declared.get(original);
                names.add(column != null && column.name() != null ? column.name()
                        : Names.normalise(original, cell.getColumnIndex() + 1));
            }
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                for (int c = 0; c < names.size(); c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    columns.computeIfAbsent(names.get(c), key -> new ArrayList<>())
                            .add(cell == null ? null : formatter.formatCellValue(cell));
                }
            }
        }
        return columns;
    }
}
