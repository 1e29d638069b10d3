import Foundation
import SnapshotStore

/// Errors a user can hit in configuration, environments and snapshot lookup. Each message
/// says what went wrong and what to do next.
public enum SchemasnapError: LocalizedError, Equatable {
    case configSyntax(path: String, line: Int, column: Int, message: String)
    case configValue(path: String, key: String, expected: String)
    case configUnknownKey(path: String, key: String)
    case configNotFound(String)
    case unknownEnvironment(String, known: [String])
    case variableUnset(variable: String, environment: String)
    case noSnapshot(environment: String, folder: String)
    case noSnapshotBefore(environment: String, time: String)
    case badTime(String)
    case sameEnvironment(String)
    case noEnvironments
    case notCompared(environment: String, summary: String)
    case nothingToGenerate(source: String, target: String)
    case noSuchObject(path: String, snapshot: String)
    case cannotConnect(environment: String, variable: String, reason: String, next: String)
    case dependenciesNotRecorded(snapshot: String, formatVersion: Int)

    /// What went wrong and what to do, as the CLI prints it.
    public var errorDescription: String? {
        switch self {
        case .configSyntax(let p, let line, let column, let message):
            "\(p):\(line):\(column): \(message); fix the TOML syntax"
        case .configValue(let p, let key, let expected):
            "\(p): `\(key)` must be \(expected)"
        case .configUnknownKey(let p, let key):
            "\(p): unknown key `\(key)`; see docs/configuration.md for the keys schemasnap reads"
        case .configNotFound(let p):
            "\(p): no such configuration file; check --config or drop it to use the defaults"
        case .unknownEnvironment(let name, let known):
            "unknown environment `\(name)`; known: \(known.joined(separator: ", ")) (add [environments.\(name)] to schemasnap.toml)"
        case .variableUnset(let variable, let env):
            "\(variable) is not set; export it with the connection string of `\(env)` (a postgres:// URL or libpq keywords)"
        case .noSnapshot(let env, let folder):
            "no snapshot of `\(env)` in \(folder); run `schemasnap capture --env \(env)` first"
        case .noSnapshotBefore(let env, let time):
            "no snapshot of `\(env)` at or before \(time); run `schemasnap log --env \(env)` to see the snapshots there are"
        case .badTime(let text):
            "cannot read the time `\(text)`; use a date (2026-11-20), a date-time (2026-11-20T02:00Z) or a snapshot timestamp (20261120T020000Z)"
        case .sameEnvironment(let name):
            "both sides are `\(name)`; compare two environments, or name two snapshot files"
        case .notCompared(let env, let summary):
            "`\(env)` has objects of kinds schemasnap does not compare (\(summary)); drop --strict-coverage to accept that"
        case .nothingToGenerate(let source, let target):
            "`\(source)` and `\(target)` have the same schema: there is no migration to write; nothing was created"
        case .cannotConnect(let env, let variable, let reason, let next):
            "cannot connect to `\(env)` with the connection string in \(variable): \(reason); \(next)"
        case .noSuchObject(let path, let snapshot):
            "\(snapshot) has no object `\(path)`; name it as `schemasnap show \(snapshot)` prints it "
                + "(public.orders, public.orders.status, public.orders:orders_pkey, public.f(integer))"
        case .dependenciesNotRecorded(let snapshot, let version):
            "\(snapshot) is a format-\(version) snapshot, which did not record dependencies; capture the environment "
                + "again with this schemasnap (format \(SnapshotFile.formatVersion)) to see what depends on what"
        case .noEnvironments:
            "no environments configured; add [environments.NAME] sections to schemasnap.toml"
        }
    }
}
