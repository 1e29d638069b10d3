import CatalogModel
import SQLReader

/// `cron_job_calls_missing_function`: a pg_cron job whose command calls a function this
/// database does not have.
struct CronJobCallsMissingFunction: AdvisorLint {
    static let name = "cron_job_calls_missing_function"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.reliability
    static let documentedExample =
        "`select cron.schedule('purge', '0 0 * * 0', 'select public.purge_events()');` in a database without `public.purge_events`: every run fails"
    static let documentedFix =
        "create the function (a migration this environment lacks?), or change the job with `cron.alter_job`"
    static let examples = LintExamples(
        triggering: ["CREATE EXTENSION pg_cron; SELECT cron.schedule('purge', '0 0 * * 0', 'select public.purge_events()');"],
        nonTriggering: [
            """
            CREATE EXTENSION pg_cron;
            CREATE FUNCTION public.purge_events() RETURNS void LANGUAGE sql AS $$ SELECT $$;
            SELECT cron.schedule('purge', '0 0 * * 0', 'select public.purge_events()');
            """,
            "CREATE EXTENSION pg_cron; SELECT cron.schedule('vacuum', '0 0 * * 0', 'VACUUM');",
        ], database: .cron)

    /// A job whose command calls a function the snapshot does not have fails on every run.
    /// Only calls the snapshot can answer are checked: qualified with a captured schema that
    /// no extension is installed in, or a `CALL` of an unqualified procedure (looked up in
    /// `public`). Built-in and extension functions are not in snapshots.
    static func check(_ facts: Facts, into out: inout [AdvisorFinding]) {
        let catalog = facts.catalog
        guard !catalog.cronJobs.isEmpty else { return }
        let schemas = Set(catalog.schemas.map(\.name)).subtracting(catalog.extensions.flatMap(\.schemasHoldingMembers))
        let functions = Set(catalog.functions.map { qualifiedName($0.schema, $0.name) })
        for job in catalog.cronJobs {
            let missing = calledFunctions(job.command).filter { call in
                schemas.contains(call.schema) && !functions.contains(qualifiedName(call.schema, call.name))
            }
            guard !missing.isEmpty else { continue }
            var names: [String] = []
            for call in missing where !names.contains(qualifiedName(call.schema, call.name)) {
                names.append(qualifiedName(call.schema, call.name))
            }
            out.append(
                finding(
                    job.path,
                    detail:
                        "cron job \(job.path) calls \(names.map { $0 + "()" }.joined(separator: ", ")), which this database does not have: every run fails",
                    remediation:
                        "create \(names.joined(separator: " and ")) (a migration this environment lacks?), or change the job's command with cron.alter_job"
                ))
        }
    }

    /// The functions `command` calls, as schema and name: `schema.name(` anywhere, and
    /// `CALL name(` (in `public`).
    static func calledFunctions(_ command: String) -> [(schema: String, name: String)] {
        let tokens = Lexer.tokens(command)
        func name(_ i: Int) -> String? {
            guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .quotedIdentifier else { return nil }
            return tokens[i].text
        }
        func isSymbol(_ i: Int, _ text: String) -> Bool {
            i >= 0 && i < tokens.count && tokens[i].kind == .symbol && tokens[i].text == text
        }
        var calls: [(schema: String, name: String)] = []
        for i in tokens.indices where isSymbol(i, "(") {
            guard let function = name(i - 1) else { continue }
            if isSymbol(i - 2, "."), let schema = name(i - 3) {
                calls.append((schema, function))
            } else if i >= 2, tokens[i - 2].isWord("call") {
                calls.append(("public", function))
            }
        }
        return calls
    }
}
