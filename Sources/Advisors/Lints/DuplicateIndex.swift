import CatalogModel

/// `duplicate_index`: two or more indexes of one table that are the same but for their name.
struct DuplicateIndex: AdvisorLint {
    static let name = "duplicate_index"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.performance
    static let documentedExample = "two indexes on `(other_id)`"
    static let documentedFix = "drop one: `drop index concurrently public.child_other_again;`"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.child (id int PRIMARY KEY, other_id int); CREATE INDEX child_other ON public.child (other_id); CREATE INDEX child_other_again ON public.child (other_id);"
        ],
        nonTriggering: [
            "CREATE TABLE public.child (id int PRIMARY KEY, other_id int); CREATE INDEX child_other ON public.child (other_id); CREATE UNIQUE INDEX child_other_unique ON public.child (other_id);"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        let managed = facts.options.managedSchemas
        Advisor.forEachTable(facts.catalog.indexes) { indexes in
            if indexes.count > 1, let first = indexes.first, !managed.contains(first.schema) {
                duplicates(in: indexes, into: &findings)
            }
        }
    }

    /// Groups one table's indexes by definition without the name; each group of two or more is a finding.
    private static func duplicates(in indexes: ArraySlice<Index>, into out: inout [AdvisorFinding]) {
        let shapes = indexes.map(shape)
        var grouped = [Bool](repeating: false, count: shapes.count)
        for i in shapes.indices where !grouped[i] {
            var same = [i]
            for j in (i + 1)..<shapes.count where !grouped[j] && shapes[j] == shapes[i] {
                grouped[j] = true
                same.append(j)
            }
            guard same.count > 1, let first = indexes.first else { continue }
            let table = RelationKey(schema: first.schema, name: first.table)
            let names = same.map { indexes[indexes.startIndex + $0].name }.sorted()
            out.append(
                finding(
                    table.description + ":" + names.joined(separator: ","),
                    detail: "indexes \(names.joined(separator: ", ")) on \(table) are identical: every write updates both",
                    remediation: "drop index concurrently \(table.schema).\(names.last!);"))
        }
    }

    /// An index's definition without its name (from ` ON ` on), and whether it is unique.
    private static func shape(_ index: Index) -> (unique: Bool, definition: Substring) {
        let definition = index.definition
        guard let on = ByteScan.withBytes(definition, { ByteScan.find(" ON ", in: $0) }) else {
            return (index.unique, definition[...])
        }
        return (index.unique, definition[definition.utf8.index(definition.utf8.startIndex, offsetBy: on)...])
    }
}
