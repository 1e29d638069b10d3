import Foundation

/// The migrations folder: every `<version>_<name>.sql` file in version order, plus the `.sql`
/// files whose names do not follow the convention (reported, never silently skipped).
public struct MigrationFolder: Sendable {
    public var path: String
    public var migrations: [MigrationFile]
    /// `.sql` files that are not `<digits>_<name>.sql`; runners skip them, so reports list them.
    public var ignoredFiles: [String]

    /// Reads the folder at `path`.
    public static func read(_ path: String) throws -> MigrationFolder {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw MigrationError.folderMissing(path)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw MigrationError.unreadable(path, reason: error.localizedDescription)
        }
        var migrations: [MigrationFile] = []
        var ignored: [String] = []
        for name in names where name.hasSuffix(".sql") {
            guard let (version, migrationName) = MigrationName.parse(fileName: name) else {
                ignored.append(name)
                continue
            }
            let filePath = URL(fileURLWithPath: path).appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw MigrationError.unreadable(filePath, reason: "permission denied or not a file")
            }
            guard let content = String(data: data, encoding: .utf8) else { throw MigrationError.notUTF8(filePath) }
            migrations.append(MigrationFile(version: version, name: migrationName, path: filePath, content: content))
        }
        migrations.sort { MigrationName.precedes($0.version, $1.version) }
        let byVersion = Dictionary(grouping: migrations, by: \.version)
        if let duplicate = byVersion.first(where: { $0.value.count > 1 }) {
            throw MigrationError.duplicateVersion(duplicate.key, files: duplicate.value.map { $0.id + ".sql" })
        }
        return MigrationFolder(path: path, migrations: migrations, ignoredFiles: ignored)
    }

    /// The migration a user means by `reference`: an exact version, an exact name or
    /// `version_name`, or a part of the name that matches exactly one file.
    public func find(_ reference: String) throws -> MigrationFile {
        let trimmed = reference.hasSuffix(".sql") ? String(reference.dropLast(4)) : reference
        if let exact = migrations.first(where: { $0.version == trimmed || $0.id == trimmed || $0.name == trimmed }) {
            return exact
        }
        let matches = migrations.filter { $0.id.contains(trimmed) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw MigrationError.unknownMigration(reference, candidates: [])
        }
        throw MigrationError.ambiguousMigration(reference, candidates: matches.map(\.id))
    }
}
