import CatalogModel
import SQLReader

/// `table_without_rls`: a new table in an exposed schema without `ENABLE ROW LEVEL SECURITY`
/// in the same script. Judged once the script is read: the ENABLE may come later in it.
struct TableWithoutRLS: HazardRule {
    static let code = "table_without_rls"
    static let severity = Severity.critical
    static let summary = "a new table in an exposed schema without `ENABLE ROW LEVEL SECURITY` in the same file"
    static let examples = HazardExamples(
        triggering: [
            "CREATE TABLE public.feature_flags (key text PRIMARY KEY);",
            "CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int);\nALTER TABLE public.a ENABLE ROW LEVEL SECURITY;",
        ],
        nonTriggering: [
            "CREATE TABLE public.feature_flags (key text PRIMARY KEY);\nALTER TABLE public.feature_flags ENABLE ROW LEVEL SECURITY;",
            "CREATE TABLE private.jobs (id int);",
        ])

    static func reason(_ statement: HazardStatement) -> String? { nil }

    static func finish(_ script: HazardScript) -> [(reason: String, statement: Statement)] {
        script.newExposedTables.filter { !script.rlsEnabled.contains($0.0) }.map { table, statement in
            (
                "\(table) is in an exposed schema and has no ENABLE ROW LEVEL SECURITY: the API can read and write every row",
                statement
            )
        }
    }
}
