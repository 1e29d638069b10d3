import CatalogModel

/// `no_primary_key`: A table in an exposed schema without a primary key.
struct NoPrimaryKey: AdvisorLint {
    static let name = "no_primary_key"
    static let level = AdvisorFinding.Level.info
    static let category = AdvisorFinding.Category.performance
    static let documentedExample = "`create table public.t (id int);`"
    static let documentedFix = "`alter table public.t add primary key (id);`"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.events (id int, at timestamptz);"
        ],
        nonTriggering: [
            "CREATE TABLE public.events (id int PRIMARY KEY, at timestamptz);",
            "CREATE SCHEMA private; CREATE TABLE private.events (id int);",
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for relation in facts.userRelations where relation.isTable && relation.relationKind != "foreign table" {
            guard facts.isExposed(relation), !facts.tablesWithPrimaryKey.contains(relation.key) else { continue }
            let path = relation.path
            findings.append(
                finding(
                    path,
                    detail:
                        "table \(path) has no primary key: rows cannot be addressed efficiently, and Realtime cannot stream its updates",
                    remediation: "alter table \(path) add primary key (…); or add an identity column for it"))
        }
    }
}
