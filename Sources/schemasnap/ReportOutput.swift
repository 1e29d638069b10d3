import ArgumentParser
import Reports

/// Renders `report` in `format`, styled for standard output, and writes it there: the one way
/// a command prints a report. Throws a usage error for a format the report does not have.
func printReport<R: Report>(_ report: R, format: ReportFormat = .text) throws {
    guard R.formats.contains(format) else {
        throw ValidationError(
            "this report has no \(format.rawValue) format; use \(R.formats.map(\.rawValue).joined(separator: " or "))")
    }
    print(report.render(format, style: Terminal.stdoutStyle), terminator: "")
}

/// Writes one step of `apply`, `rollback` or `verify` as it happens.
func printProgress(_ step: WriterProgress) {
    print(step.render(.text, style: Terminal.stdoutStyle), terminator: "")
}
