import Foundation
import XCTest

/// Compares `output` with `Tests/Fixtures/golden/<name>`, or rewrites that file when
/// `SCHEMASNAP_RECORD=1` (then review `git diff`).
func assertGolden(_ output: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let path = Fixtures.path("golden/\(name)")
    if ProcessInfo.processInfo.environment["SCHEMASNAP_RECORD"] == "1" {
        try output.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    XCTAssertEqual(
        output, try String(contentsOfFile: path, encoding: .utf8),
        "differs from Tests/Fixtures/golden/\(name); re-record if intended", file: file, line: line)
}
