import CatalogModel
import SQLReader

/// Lints on platform configuration: Storage buckets and pg_cron jobs.
extension Advisor {
    static func platformLints(_ facts: Facts, into out: inout [AdvisorFinding]) {
        publicBucketLints(facts.catalog, into: &out)
        cronJobLints(facts.catalog, into: &out)
    }

    /// A public bucket serves every file in it to anyone with its URL; when no policy on
    /// `storage.objects` names it, what may be uploaded, changed or listed there is left to the
    /// policies every bucket shares.
    private static func publicBucketLints(_ catalog: Catalog, into out: inout [AdvisorFinding]) {
        let objectPolicies = catalog.policies.filter { $0.schema == "storage" && $0.table == "objects" }
        for bucket in catalog.storageBuckets where bucket.isPublic {
            let literal = "'" + bucket.id.replacingOccurrences(of: "'", with: "''") + "'"
            let named = objectPolicies.contains { policy in
                [policy.using, policy.withCheck].contains { $0?.contains(literal) == true }
            }
            guard !named else { continue }
            out.append(
                AdvisorFinding(
                    lint: "public_bucket_without_policy", level: .warn, category: .security, object: bucket.path,
                    detail:
                        "bucket \(bucket.id) is public, so anyone with a file's URL reads it, and no policy on storage.objects names it: uploads, changes and listing there are left to the policies all buckets share",
                    remediation:
                        "if its files are not for everyone: update storage.buckets set public = false where id = \(literal); otherwise add policies on storage.objects with bucket_id = \(literal)"
                ))
        }
    }

    /// A job whose command calls a function the snapshot does not have fails on every run.
    /// Only calls the snapshot can answer are checked: qualified with a captured schema that
    /// no extension is installed in, or a `CALL` of an unqualified procedure (looked up in
    /// `public`). Built-in and extension functions are not in snapshots.
    private static func cronJobLints(_ catalog: Catalog, into out: inout [AdvisorFinding]) {
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
                AdvisorFinding(
                    lint: "cron_job_calls_missing_function", level: .warn, category: .reliability, object: job.path,
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
