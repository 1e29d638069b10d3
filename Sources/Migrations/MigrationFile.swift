import Crypto
import Foundation
import SQLReader

/// One migration file: its version and name, its UP part (what runs) and, when written, its
/// DOWN part (the commented-out section between `-- schemasnap:down` and `-- schemasnap:end`).
public struct MigrationFile: Hashable, Sendable {
    public var version: String
    public var name: String
    public var path: String
    public var content: String

    public init(version: String, name: String, path: String, content: String) {
        self.version = version
        self.name = name
        self.path = path
        self.content = content
    }

    /// `version_name`, the file name without `.sql`.
    public var id: String { version + "_" + name }

    /// The marker lines of the DOWN section.
    public static let downMarker = "-- schemasnap:down"
    public static let endMarker = "-- schemasnap:end"

    /// Everything before the DOWN marker: what a runner applies (the DOWN section is comments).
    public var up: String {
        guard let range = markerLine(Self.downMarker) else { return content }
        return String(content[..<range.lowerBound])
    }

    /// The DOWN statements, uncommented; nil when the file has no DOWN section or it is empty.
    public var down: String? {
        guard let start = markerLine(Self.downMarker) else { return nil }
        let rest = content[start.upperBound...]
        let section = markerLineRange(Self.endMarker, in: rest).map { rest[..<$0.lowerBound] } ?? rest
        let lines = section.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("--") else { return line }
            let body = trimmed.dropFirst(2)
            return body.hasPrefix(" ") ? body.dropFirst() : body
        }
        let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return StatementSplitter.split(text).isEmpty ? nil : text
    }

    /// The UP statements.
    public var statements: [Statement] { StatementSplitter.split(up) }

    /// SHA-256 (hex) of the whole file.
    public var checksum: String { Self.hex(SHA256.hash(data: Array(content.utf8))) }

    /// SHA-256 (hex) of the UP statements in canonical form, comparable with
    /// `AppliedMigration.statementsHash`.
    public var statementsHash: String { StatementSplitter.statementsHash([up]) }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    private func markerLine(_ marker: String) -> Range<String.Index>? {
        markerLineRange(marker, in: content[...])
    }

    /// The range of the line that is exactly `marker` (trailing spaces allowed), newline included.
    private func markerLineRange(_ marker: String, in text: Substring) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let found = text.range(of: marker, range: searchStart..<text.endIndex) {
            let lineStart = found.lowerBound == text.startIndex || text[text.index(before: found.lowerBound)] == "\n"
            let lineEnd = text[found.upperBound...].prefix { $0 != "\n" }
            if lineStart && lineEnd.allSatisfy({ $0 == " " || $0 == "\t" }) {
                let end = text.index(found.upperBound, offsetBy: lineEnd.count)
                return found.lowerBound..<(end < text.endIndex ? text.index(after: end) : end)
            }
            searchStart = found.upperBound
        }
        return nil
    }
}
