import Foundation

/// Why a guarded write refused to run or failed. Every message says what to do next.
public enum ApplyError: LocalizedError, Equatable {
    case protectedNeedsForce(environment: String)
    case backupMissing(environment: String, command: String)
    case backupStale(path: String, minutes: Int, command: String)
    case backupInvalid(path: String, reason: String, command: String)
    case alreadyApplied(version: String, environment: String)
    case notApplied(version: String, environment: String)
    case needsNoTransaction(statement: String, line: Int)
    case statementFailed(file: String, line: Int, statement: String, message: String, rolledBack: Bool)
    case noDownSection(migration: String)
    case missingFile(version: String)
    case planOutdated(expected: String, actual: String)
    case planFileChanged(migration: String)
    case planUnreadable(path: String, reason: String)
    case planDoesNotInclude(migration: String)
    case shadowNotEmpty(objects: Int)

    /// What went wrong and what to do, as the CLI prints it.
    public var errorDescription: String? {
        switch self {
        case .protectedNeedsForce(let env):
            "`\(env)` is protected: add --force (and have a fresh backup) to write to it"
        case .backupMissing(let env, let command):
            "`\(env)` is protected and no backup was found; take one first: \(command)"
        case .backupStale(let path, let minutes, let command):
            "backup \(path) is \(minutes) minutes old (30 at most); take a fresh one: \(command)"
        case .backupInvalid(let path, let reason, let command):
            "backup \(path) \(reason); take one with: \(command)"
        case .alreadyApplied(let version, let env):
            "\(version) is already applied in `\(env)`; use --force to run it again"
        case .notApplied(let version, let env):
            "\(version) is not applied in `\(env)`; nothing to roll back"
        case .needsNoTransaction(let statement, let line):
            "line \(line): `\(statement)` cannot run inside a transaction; apply with --no-transaction (statements then run one by one)"
        case .statementFailed(let file, let line, let statement, let message, let rolledBack):
            "\(file):\(line): `\(statement)` failed: \(message)"
                + (rolledBack ? "; nothing was applied (rolled back)" : "; statements before it stay applied (--no-transaction)")
        case .noDownSection(let migration):
            "\(migration) has no DOWN section; write one between `-- schemasnap:down` and `-- schemasnap:end` first (nothing was rolled back)"
        case .missingFile(let version):
            "\(version) is applied but its file is not in the migrations folder; restore it from git first"
        case .planOutdated(let expected, let actual):
            "the live schema changed since the plan was made (fingerprint \(actual.prefix(12)), plan \(expected.prefix(12))); make a new plan"
        case .planFileChanged(let migration):
            "\(migration) changed since the plan was made; make a new plan and review it"
        case .planUnreadable(let path, let reason):
            "\(path): not a plan file (\(reason)); write one with `schemasnap plan --out`"
        case .planDoesNotInclude(let migration):
            "the plan does not include \(migration); make a plan that does"
        case .shadowNotEmpty(let objects):
            "the shadow database is not empty (\(objects) user objects); give an empty scratch database, or --reset to drop them"
        }
    }
}
