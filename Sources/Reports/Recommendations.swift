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
        let handMade = changes.filter { $0.kind == .onlyInTarget && $0.objectKind != .appliedMigration }
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
