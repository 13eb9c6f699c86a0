package ro.marc.api.register.workbook;

import java.util.List;

/** The workbook cannot be imported: every problem found, nothing applied. */
public class WorkbookRefused extends RuntimeException {

    private final List<WorkbookProblem> problems;

    public WorkbookRefused(List<WorkbookProblem> problems) {
        super(problems.isEmpty() ? "The workbook was refused" : problems.getFirst().message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<WorkbookProblem> problems() {
        return problems;
    }
}
