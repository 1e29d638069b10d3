import Advisors
import Foundation
import TOMLKit

/// One environment from `[environments.NAME]`.
public struct EnvironmentConfig: Sendable, Hashable {
    public var name: String
    /// The variable holding the connection string; default `SCHEMASNAP_DB_URL_<NAME>`.
    public var urlEnv: String
    /// Protected environments need `--force` and a fresh backup to be written to.
    public var protected: Bool
    /// Where `pg_dump` backups of this environment are looked for.
    public var backupDir: String?

    public init(name: String, urlEnv: String? = nil, protected: Bool = false, backupDir: String? = nil) {
        self.name = name
        self.urlEnv = urlEnv ?? Self.defaultVariable(for: name)
        self.protected = protected
        self.backupDir = backupDir
    }

    /// `SCHEMASNAP_DB_URL_` + the name upper-cased, non-alphanumerics as `_`.
    public static func defaultVariable(for name: String) -> String {
        "SCHEMASNAP_DB_URL_" + String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

/// `schemasnap.toml`: every key has a default, so the file is optional. Relative paths are
/// resolved against the directory holding the file (or the working directory without one).
public struct Config: Sendable, Hashable {
    public var migrations = "supabase/migrations"
    public var snapshots = "snapshots"
    public var criticalSchemas = ["public"]
    public var excludeSchemas = ["pg_catalog", "information_schema", "pg_toast"]
    public var managedSchemas = [
        "auth", "storage", "realtime", "supabase_functions", "extensions", "graphql", "graphql_public", "vault",
        "pgsodium", "pgsodium_masks", "net", "cron",
    ]
    public var exposedSchemas = ["public"]
    /// Lints switched off (`[advise] disable = […]`).
    public var adviseDisabled: [String] = []
    /// Findings excused with a reason (`[[advise.excuse]]`): reported as excused, never dropped.
    public var adviseExcuses: [AdvisorOptions.Excuse] = []
    /// Environments in the order the file lists them.
    public var environments: [EnvironmentConfig] = ["dev", "staging", "production"].map { EnvironmentConfig(name: $0) }
    /// The directory relative paths are resolved against.
    public var baseDirectory: String

    public init(baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.baseDirectory = baseDirectory
    }

    /// The snapshots folder as an absolute path.
    public var snapshotsPath: String { resolve(snapshots) }
    /// The migrations folder as an absolute path.
    public var migrationsPath: String { resolve(migrations) }

    /// `path` as an absolute path, relative ones taken from the configuration file's folder.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).path
    }

    /// The environment called `name`.
    public func environment(_ name: String) throws -> EnvironmentConfig {
        guard let env = environments.first(where: { $0.name == name }) else {
            throw SchemasnapError.unknownEnvironment(name, known: environments.map(\.name))
        }
        return env
    }

    /// Loads `path` if given (it must exist), else `schemasnap.toml` in the working directory
    /// if present, else the defaults.
    public static func load(path: String?) throws -> Config {
        let fm = FileManager.default
        let candidate = path ?? "schemasnap.toml"
        guard fm.fileExists(atPath: candidate) else {
            if let path { throw SchemasnapError.configNotFound(path) }
            return Config()
        }
        let url = URL(fileURLWithPath: candidate)
        guard let data = fm.contents(atPath: candidate), let text = String(data: data, encoding: .utf8) else {
            throw SchemasnapError.configValue(path: candidate, key: "(file)", expected: "readable UTF-8 text")
        }
        return try parse(text, path: candidate, baseDirectory: url.deletingLastPathComponent().path)
    }

    /// Parses the text of a configuration file; `path` only names it in errors.
    public static func parse(_ text: String, path: String, baseDirectory: String) throws -> Config {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SchemasnapError.configSyntax(
                path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        }
        var config = Config(baseDirectory: baseDirectory)
        let reader = TableReader(table: table, path: path, prefix: "")
        try reader.checkKeys([
            "migrations", "snapshots", "critical_schemas", "exclude_schemas", "managed_schemas", "exposed_schemas",
            "environments", "advise",
        ])
        config.migrations = try reader.string("migrations") ?? config.migrations
        config.snapshots = try reader.string("snapshots") ?? config.snapshots
        config.criticalSchemas = try reader.strings("critical_schemas") ?? config.criticalSchemas
        config.excludeSchemas = try reader.strings("exclude_schemas") ?? config.excludeSchemas
        config.managedSchemas = try reader.strings("managed_schemas") ?? config.managedSchemas
        config.exposedSchemas = try reader.strings("exposed_schemas") ?? config.exposedSchemas
        if let advise = try reader.table("advise") {
            try advise.checkKeys(["disable", "excuse"])
            config.adviseDisabled = try advise.strings("disable") ?? []
            for name in config.adviseDisabled where !Advisor.lintNames.contains(name) {
                throw SchemasnapError.configValue(
                    path: path, key: "advise.disable", expected: "lint names (`\(name)` is not one; see docs/advisors.md)")
            }
            config.adviseExcuses = try advise.tables("excuse").map { excuse in
                try excuse.checkKeys(["lint", "object", "reason"])
                guard let lint = try excuse.string("lint"), let object = try excuse.string("object"),
                    let reason = try excuse.string("reason"), !reason.isEmpty
                else {
                    throw SchemasnapError.configValue(
                        path: path, key: "advise.excuse", expected: "tables with lint, object and a reason")
                }
                return AdvisorOptions.Excuse(lint: lint, object: object, reason: reason)
            }
        }
        if let environments = try reader.table("environments") {
            config.environments = try environments.table.keys.map { name in
                guard let envTable = try environments.table(name) else {
                    throw SchemasnapError.configValue(path: path, key: "environments.\(name)", expected: "a table")
                }
                try envTable.checkKeys(["url_env", "protected", "backup_dir"])
                return EnvironmentConfig(
                    name: name, urlEnv: try envTable.string("url_env"), protected: try envTable.bool("protected") ?? false,
                    backupDir: try envTable.string("backup_dir"))
            }
        }
        return config
    }
}

/// Typed access to a TOML table, with errors naming the file and the dotted key.
private struct TableReader {
    let table: TOMLTable
    let path: String
    let prefix: String

    func checkKeys(_ known: Set<String>) throws {
        for key in table.keys where !known.contains(key) {
            throw SchemasnapError.configUnknownKey(path: path, key: prefix + key)
        }
    }

    func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let s = value.string else { throw mismatch(key, "a string") }
        return s
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let b = value.bool else { throw mismatch(key, "true or false") }
        return b
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw mismatch(key, "an array of strings") }
        return try array.map { element in
            guard let s = element.string else { throw mismatch(key, "an array of strings") }
            return s
        }
    }

    /// An array of tables (`[[key]]`); empty when absent.
    func tables(_ key: String) throws -> [TableReader] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw mismatch(key, "an array of tables ([[\(prefix + key)]])") }
        return try array.map { element in
            guard let t = element.table else { throw mismatch(key, "an array of tables ([[\(prefix + key)]])") }
            return TableReader(table: t, path: path, prefix: prefix + key + ".")
        }
    }

    func table(_ key: String) throws -> TableReader? {
        guard let value = table[key] else { return nil }
        guard let t = value.table else { throw mismatch(key, "a table") }
        return TableReader(table: t, path: path, prefix: prefix + key + ".")
    }

    private func mismatch(_ key: String, _ expected: String) -> SchemasnapError {
        .configValue(path: path, key: prefix + key, expected: expected)
    }
}

extension Config {
    /// A path the user typed: relative to the working directory, not the config file.
    public func resolveFromWorkingDirectory(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

extension Config {
    /// The advisor settings of this configuration.
    public var advisorOptions: AdvisorOptions {
        AdvisorOptions(
            exposedSchemas: Set(exposedSchemas), managedSchemas: Set(managedSchemas), disabled: Set(adviseDisabled),
            excuses: adviseExcuses)
    }
}
