package io.datapilot.governance.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
    private static final String HEADER = "lot;tache;sprint;debut_prevu;fin_prevue;debut_reference;fin_reference;avancement;budget_prevu;cout_reel;jalon";

    @TempDir
    Path folder;

    @Test
    void readsTheSamplePlanWithItsFrenchHeadersNumbersAndDates() {
        ProjectPlan plan = PlanReader.read(Plans.sample());
        assertThat(plan.tasks()).hasSize(20);
        assertThat(plan.tasks()).extracting(PlanTask::lot).containsOnly("Cadrage", "Données", "Modèles", "Application",
                "Gouvernance et RGPD");
        assertThat(plan.tasks()).extracting(PlanTask::sprint).contains("S1", "S2", "S3", "S4", "S5", "S6");
        PlanTask cleaning = plan.tasks().stream().filter(task -> task.task().equals("Nettoyage et jeu d'analyse")).findFirst().orElseThrow();
        assertThat(cleaning.line()).isEqualTo(7);
        assertThat(cleaning.plannedEnd()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(cleaning.baselineEnd()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(cleaning.percentComplete()).isEqualTo(80);
        assertThat(cleaning.plannedBudget()).isEqualTo(6500);
        assertThat(cleaning.actualCost()).isEqualTo(7400);
        assertThat(cleaning.ownerRole()).isEqualTo("data engineer");
        assertThat(cleaning.deliverable()).isEqualTo("Tables nettoyées (silver)");
        PlanTask first = plan.tasks().get(0);
        assertThat(first.baselineStart()).as("the baseline defaults to the plan").isEqualTo(first.plannedStart());
        assertThat(plan.tasks()).filteredOn(PlanTask::milestone).hasSize(4);
        assertThat(plan.tasks()).extracting(PlanTask::plannedStart).allMatch(date -> !date.isBefore(LocalDate.of(2026, 9, 1)));
        assertThat(plan.tasks()).extracting(PlanTask::plannedEnd).allMatch(date -> !date.isAfter(LocalDate.of(2027, 2, 26)));
    }

    @Test
    void listsEveryProblemOfABadPlanInOneErrorWithItsLineAndColumn() throws Exception {
        Path file = write("bad.csv", HEADER + ";couleur",
                "Données;Ingestion;S1;20/10/2026;05/10/2026;;;50;1000;0;non;bleu",
                "Données;Nettoyage;S2;01/11/2026;10/11/2026;;;120 %;2000;100;non;",
                "Modèles;Churn;S3;01/11/2026;10/11/2026;;;10;douze;100;non;",
                "Modèles;Churn;S3;01/11/2026;10/11/2026;05/11/2026;01/11/2026;10;500;-5;peut-être;",
                "Modèles;Dépense;S3;32/11/2026;10/11/2026;;;10;500;0;non;");
        DatapilotException error = catchThrowableOfType(() -> PlanReader.read(file), DatapilotException.class);
        assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
        assertThat(error.getMessage()).startsWith("Invalid project plan " + file + ": 8 problems.")
                .contains(file + ", line 1, column L (couleur): unknown column. The accepted columns are lot (work_package), tache (task)")
                .contains("line 2, column E (fin_prevue): the end 2026-10-05 is before the start 2026-10-20 (debut_prevu)")
                .contains("line 3, column H (avancement): \"120 %\" is above 100; a percentage goes from 0 to 100.")
                .contains("line 4, column I (budget_prevu): cannot read \"douze\" as a number")
                .contains("line 5, column G (fin_reference): the end 2026-11-01 is before the start 2026-11-05 (debut_reference)")
                .contains("line 5, column J (cout_reel): \"-5\" is below 0")
                .contains("line 5, column K (jalon): cannot read \"peut-être\" as yes or no; write oui or non.")
                .contains("line 6, column D (debut_prevu): cannot read \"32/11/2026\" as a date; write it as 31/12/2026 or 2026-12-31.");
    }

    @Test
    void namesADuplicateTaskAndTheLineOfItsFirstOccurrence() throws Exception {
        Path file = write("duplicate.csv", HEADER, "Modèles;Churn;S3;01/11/2026;10/11/2026;;;10;500;0;non",
                "modèles;churn ;S4;11/11/2026;20/11/2026;;;0;500;0;non");
        assertThat(catchThrowableOfType(() -> PlanReader.read(file), DatapilotException.class).getMessage())
                .contains("line 3, column B (tache): the task \"churn\" of lot \"modèles\" is already on line 2");
    }

    @Test
    void namesMissingRequiredColumnsAndAnEmptyFile() throws Exception {
        Path missing = write("missing.csv", "lot;tache;fin_prevue", "Données;Ingestion;05/10/2026");
        assertThat(catchThrowableOfType(() -> PlanReader.read(missing), DatapilotException.class).getMessage())
                .contains("line 1, column debut_prevu: missing; every plan needs this column")
                .contains("line 1, column budget_prevu: missing");
        Path empty = write("empty.csv", HEADER);
        assertThat(catchThrowableOfType(() -> PlanReader.read(empty), DatapilotException.class).getMessage())
                .contains(empty + ": the file has no task;");
    }

    @Test
    void acceptsEnglishHeadersAndAOneDayMilestone() throws Exception {
        Path file = write("english.csv", "work_package,task,planned_start,planned_end,percent_complete,planned_budget,milestone",
                "Application,Go live,2027-02-12,2027-02-12,0,500,yes");
        PlanTask task = PlanReader.read(file).tasks().get(0);
        assertThat(task.milestone()).isTrue();
        assertThat(task.baselineEnd()).isEqualTo(LocalDate.of(2027, 2, 12));
        assertThat(task.actualCost()).isZero();
    }

    @Test
    void readsAnXlsxPlanWithDateAndPercentCells() throws Exception {
        Path file = folder.resolve("plan.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Plan");
            String[] headers = {"Lot", "Tâche", "Début prévu", "Fin prévue", "Avancement (%)", "Budget prévu (€)", "Coût réel (€)"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0 %"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Données");
            row.createCell(1).setCellValue("Ingestion");
            row.createCell(2).setCellValue(LocalDate.of(2026, 10, 19));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue(LocalDate.of(2026, 10, 30));
            row.getCell(3).setCellStyle(date);
            row.createCell(4).setCellValue(0.6);
            row.getCell(4).setCellStyle(percent);
            row.createCell(5).setCellValue(7000);
            row.createCell(6).setCellValue(4321.5);
            workbook.write(out);
        }
        PlanTask task = PlanReader.read(file).tasks().get(0);
        assertThat(task.plannedStart()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(task.plannedEnd()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(task.percentComplete()).isEqualTo(60);
        assertThat(task.plannedBudget()).isEqualTo(7000);
        assertThat(task.actualCost()).isEqualTo(4321.5);
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
