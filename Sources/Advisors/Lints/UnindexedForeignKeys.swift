import CatalogModel

/// `unindexed_foreign_keys`: A foreign key with no index starting with its columns.
struct UnindexedForeignKeys: AdvisorLint {
    static let name = "unindexed_foreign_keys"
    static let level = AdvisorFinding.Level.info
    static let category = AdvisorFinding.Category.performance
    static let documentedExample = "`parent_id int references public.parent (id)` with no index on `parent_id`"
    static let documentedFix = "`create index concurrently on public.child (parent_id);`"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.parent (id int PRIMARY KEY); CREATE TABLE public.child (id int PRIMARY KEY, parent_id int REFERENCES public.parent (id));"
        ],
        nonTriggering: [
            "CREATE TABLE public.parent (id int PRIMARY KEY); CREATE TABLE public.child (id int PRIMARY KEY, parent_id int REFERENCES public.parent (id)); CREATE INDEX child_parent ON public.child (parent_id, id);"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        let managed = facts.options.managedSchemas
        for fk in facts.catalog.constraints where fk.constraintType == "foreign key" && !managed.contains(fk.schema) {
            guard let columns = Advisor.foreignKeyColumns(fk.definition) else { continue }
            let table = RelationKey(schema: fk.schema, name: fk.table)
            let covered = facts.indexLeadingColumns[table, default: []].contains { leading in
                leading.count >= columns.count && leading.prefix(columns.count).elementsEqual(columns)
            }
            guard !covered else { continue }
            let list = columns.joined(separator: ", ")
            let path = fk.path
            findings.append(
                finding(
                    path,
                    detail:
                        "foreign key \(path) on (\(list)) has no index starting with those columns: deletes and joins scan the table",
                    remediation: "create index concurrently on \(table) (\(list));"))
        }
    }
}
