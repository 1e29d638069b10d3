import CatalogModel
import Differ

/// What to do about a drift, derived from the changes alone.
enum Recommendations {
    static func make(_ changes: [Change], source: String, target: String) -> [String] {
        guard !changes.isEmpty else { return ["No drift: \(target) matches \(source)."] }
        var out: [String] = []
        if changes.contains(where: { $0.severity == .critical }) {
            out.append(
                "CRITICAL drift: \(target) lacks objects or protections that \(source) has; "
                    + "the application may fail or expose data. Close it before deploying.")
        }
        let missingMigrations = changes.filter { $0.objectKind == .appliedMigration && $0.kind == .missingInTarget }
        if !missingMigrations.isEmpty {
            let list = missingMigrations.map(\.path).joined(separator: ", ")
            out.append(
                "\(source) has applied \(count(missingMigrations.count, "migration")) that \(target) has not: "
                    + "\(list). Applying \(missingMigrations.count == 1 ? "it" : "them") to \(target) should close the drift "
                    + "\(missingMigrations.count == 1 ? "it explains" : "they explain").")
        }
        let extraMigrations = changes.filter { $0.objectKind == .appliedMigration && $0.kind == .onlyInTarget }
        if !extraMigrations.isEmpty {
            out.append(
                "\(target) has applied \(count(extraMigrations.count, "migration")) unknown to \(source): "
                    + extraMigrations.map(\.path).joined(separator: ", ") + ". Check that the migrations folder is complete.")
        }
        let exposedBuckets = changes.filter {
            $0.objectKind == .storageBucket && $0.severity == .critical && ($0.attribute == "public" || $0.kind == .onlyInTarget)
        }
        if !exposedBuckets.isEmpty {
            let list = exposedBuckets.map(\.path).joined(separator: ", ")
            out.append(
                "\(exposedBuckets.count == 1 ? "Bucket" : "Buckets") \(list) \(exposedBuckets.count == 1 ? "is" : "are") public in \(target) "
                    + "and not in \(source): anyone with a file's URL can read \(exposedBuckets.count == 1 ? "its" : "their") files. "
                    + "If that was not meant, make \(exposedBuckets.count == 1 ? "it" : "them") private again (`diff --sql` writes the statement)."
            )
        }
        let configuration = changes.filter {
            $0.objectKind.isPlatformConfiguration && !($0.objectKind == .storageBucket && $0.severity == .critical)
        }
        if !configuration.isEmpty {
            let kinds = Set(configuration.map(\.objectKind)).sorted().map(\.plural).joined(separator: ", ")
            out.append(
                "\(count(configuration.count, "finding")) concern\(configuration.count == 1 ? "s" : "") platform configuration (\(kinds)): "
                    + "rows of the platform's tables, not DDL. `diff --sql` writes the calls that close them, except a Vault "
                    + "secret's value, which is in no snapshot and is set by hand.")
        }
        let handMade = changes.filter {
            $0.kind == .onlyInTarget && $0.objectKind != .appliedMigration && !$0.objectKind.isPlatformConfiguration
        }
        if !handMade.isEmpty {
            let examples = handMade.prefix(3).map { "\($0.noun) \($0.path)" }.joined(separator: ", ")
            out.append(
                "\(target) has \(count(handMade.count, "object")) that \(source) lacks (\(examples)"
                    + "\(handMade.count > 3 ? ", …" : "")): if they are hotfixes, write a migration for them so every "
                    + "environment gets them; otherwise drop them.")
        }
        if out.isEmpty {
            out.append(
                "Only warnings or details differ: review them and write a migration where \(target) should match \(source).")
        }
        return out
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
