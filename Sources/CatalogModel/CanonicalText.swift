/// The canonical text form of a catalog: what `schemasnap show` prints and what the
/// fingerprint hashes.
///
/// One block per object in canonical order: a line `<kind> <path>`, then one indented line
/// per present attribute (`  name: value`); multi-line values continue on lines indented by
/// four spaces after `name: |`. The last line lists the kinds not compared, if any. Equal
/// schemas give byte-identical text whatever the server, OIDs or capture time.
public enum CanonicalText {
    public static func render(_ catalog: Catalog) -> String {
        var out = ""
        for record in catalog.records {
            out += record.kind.rawValue
            out += " "
            out += record.path
            out += "\n"
            for field in record.attributes {
                out += renderField(field)
            }
        }
        if !catalog.uncovered.isEmpty {
            out += "not compared: " + uncoveredSummary(catalog.uncovered) + "\n"
        }
        return out
    }

    /// `3 operators, 1 cast`, sorted by kind name.
    public static func uncoveredSummary(_ uncovered: [String: Int]) -> String {
        uncovered.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    private static func renderField(_ field: Field) -> String {
        let text = field.value.display
        guard text.utf8.contains(10) else { return "  " + field.name + ": " + text + "\n" }
        var out = "  \(field.name): |\n"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "    " + line + "\n"
        }
        return out
    }
}
