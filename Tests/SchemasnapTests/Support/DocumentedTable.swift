import Foundation
import XCTest

/// Checks that the lines between `<!-- BEGIN name -->` and `<!-- END name -->` in the document
/// at `relativePath` (from the repository root) are `expected`, or rewrites them when
/// `SCHEMASNAP_RECORD=1`: tables in the docs that are generated from the code.
func assertDocumentedTable(
    _ expected: String, in relativePath: String, section name: String, file: StaticString = #filePath, line: UInt = #line
) throws {
    let url = Fixtures.repositoryRoot.appendingPathComponent(relativePath)
    let text = try String(contentsOf: url, encoding: .utf8)
    let begin = "<!-- BEGIN \(name) (generated: SCHEMASNAP_RECORD=1 swift test rewrites it) -->\n"
    let end = "<!-- END \(name) -->"
    guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
        return XCTFail("\(relativePath) has no \(begin)…\(end) section", file: file, line: line)
    }
    let current = String(text[start.upperBound..<stop.lowerBound])
    if ProcessInfo.processInfo.environment["SCHEMASNAP_RECORD"] == "1" {
        try text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
            .write(to: url, atomically: true, encoding: .utf8)
        return
    }
    XCTAssertEqual(current, expected, "\(relativePath) \(name) differs from the code; re-record", file: file, line: line)
}
